using Kam.Infrastructure.Data;
using Npgsql;

namespace Kam.Core.Tests;

/// <summary>The PostgreSQL connection settings Kam adds (prepared statements kept per connection) and never overrides.</summary>
public sealed class ConnectionTuningTests
{
    [Fact]
    public void Kam_adds_statement_preparation_and_keeps_the_connection_state_it_does_not_use()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned("Host=db;Database=kam;Username=kam;"));
        Assert.Equal("db", tuned.Host);
        Assert.Equal("kam", tuned.Database);
        Assert.Equal(200, tuned.MaxAutoPrepare);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=force_custom_plan", tuned.Options);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false;Options=-c search_path=kam")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false;options=-c search_path=kam")]
    public void What_the_operator_sets_is_kept_whatever_its_spelling(string given)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseSettings.Tuned(given));
        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal("-c search_path=kam", tuned.Options);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
    }
}
