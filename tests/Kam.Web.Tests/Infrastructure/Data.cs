using Kam.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>
/// Arranges what the API cannot (time having passed): changes rows directly, then the test acts through the API.
/// </summary>
public static class Data
{
    public static async Task Change(this KamFactory app, Func<KamDbContext, Task> change)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        db.GeneratingData = true;
        await change(db);
        await db.SaveChangesAsync();
    }

    public static async Task<T> Read<T>(this KamFactory app, Func<KamDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<KamDbContext>());
    }
}
