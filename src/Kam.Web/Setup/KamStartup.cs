using Kam.Infrastructure.Data;
using Kam.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;

namespace Kam.Web.Setup;

/// <summary>What runs before the first request: migrations, roles, the demo department, the first admin.</summary>
public static class KamStartup
{
    public static async Task PrepareAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAsSystem();
        // With several servers on one database, operators may set Kam:MigrateOnStart=false and run the
        // "migrate" command once per release instead; then a server touches nothing at start.
        if (!app.Configuration.GetValue("Kam:MigrateOnStart", true))
            return;
        await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var bootstrap = sp.GetRequiredService<AdminBootstrap>();
        await bootstrap.EnsureRolesAsync();
        EnsureKeyRing(sp);
        if (app.Configuration.GetValue<bool>("Kam:Demo"))
            await sp.GetRequiredService<DemoSeeder>().SeedAsync();
        if (await bootstrap.EnsureAdminAsync() is { } password)
            AnnounceAdmin("admin", password, app.Configuration["Kam:AdminPassword"] is { Length: > 0 });
    }

    /// <summary>
    /// Creates the first Data Protection key (in the database) now, with the migrations, rather than at the first sign-in:
    /// servers started together then never each create one of their own.
    /// </summary>
    public static void EnsureKeyRing(IServiceProvider sp) =>
        sp.GetRequiredService<IDataProtectionProvider>().CreateProtector("Kam.KeyRing").Protect("ready");

    public static void AnnounceAdmin(string userName, string password, bool fromConfig)
    {
        // Written straight to the console, once, and never to the structured log.
        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine($"  Kam: administrator '{userName}' created.");
        Console.WriteLine(fromConfig ? "  Password: the value of Kam:AdminPassword." : $"  Password: {password}   (shown only this once)");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
    }
}
