namespace Kam.Cluster.Tests.Infrastructure;

/// <summary>A test of the cluster: it finds both servers running, whatever the test before it stopped.</summary>
[Collection(ClusterCollection.Name)]
public abstract class ClusterTest(ClusterFixture cluster) : IAsyncLifetime
{
    protected ClusterFixture Cluster => cluster;

    public virtual async Task InitializeAsync()
    {
        foreach (var server in cluster.Servers)
            await cluster.EnsureRunningAsync(server);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
