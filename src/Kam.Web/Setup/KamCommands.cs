using Kam.Infrastructure.Data;
using Kam.Infrastructure.Seeding;

namespace Kam.Web.Setup;

/// <summary>
/// Admin commands on the same binary: <c>migrate</c>, <c>create-admin [--user NAME] [--password P]</c>,
/// <c>seed-demo</c>, <c>backup --to FILE</c>, <c>restore --from FILE [--overwrite]</c>, <c>rebuild-ledger</c> (the
/// ledger of figures and the search index anew from the records), <c>check-ledger</c> (compare the ledger with its
/// records; exit code 1 when they differ). Everything else after the
/// command is ordinary configuration (e.g. <c>--Kam:DemoOptions:Scale=50000</c>).
/// </summary>
public static class KamCommands
{
    public static readonly string[] Names = ["migrate", "create-admin", "seed-demo", "backup", "restore", "rebuild-ledger", "check-ledger"];

    /// <summary>
    /// The arguments that are configuration: <c>--Key=value</c> and <c>--Key value</c> pairs, with <c>--demo</c> and
    /// <c>--scale N</c> as short forms of <c>--Kam:Demo=true</c> and <c>--Kam:DemoOptions:Scale=N</c>.
    /// </summary>
    public static string[] ConfigArgs(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--demo")
                result.Add("--Kam:Demo=true");
            else if (a == "--scale" && i + 1 < args.Length)
                result.Add($"--Kam:DemoOptions:Scale={args[++i]}");
            else if (a is "--user" or "--password" or "--to" or "--from" && i + 1 < args.Length)
                i++; // the commands' own options, not configuration
            else if (a == "--overwrite")
                continue;
            else if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains('='))
                result.Add(a);
            else if (a.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                result.Add(a);
                result.Add(args[++i]);
            }
        }
        return result.ToArray();
    }

    public static string? Find(string[] args) => args.Length > 0 && Names.Contains(args[0]) ? args[0] : null;

    public static async Task<int> RunAsync(WebApplication app, string command, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentUser>().ActAsSystem();
        await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var bootstrap = sp.GetRequiredService<AdminBootstrap>();
        await bootstrap.EnsureRolesAsync();
        KamStartup.EnsureKeyRing(sp);
        switch (command)
        {
            case "migrate":
                Console.WriteLine("Kam: database is up to date.");
                return 0;
            case "seed-demo":
                await sp.GetRequiredService<DemoSeeder>().SeedAsync();
                Console.WriteLine("Kam: demo department seeded.");
                return 0;
            case "rebuild-ledger":
                {
                    var derived = sp.GetRequiredService<DerivedData>();
                    var rows = await derived.RebuildLedgerAsync();
                    var entries = await derived.RebuildSearchAsync();
                    Console.WriteLine($"Kam: ledger rebuilt from the records ({rows} figures); search index rebuilt ({entries} entries).");
                    return 0;
                }
            case "check-ledger":
                {
                    var check = await sp.GetRequiredService<DerivedData>().CheckLedgerAsync();
                    Console.WriteLine(check.Equal
                        ? $"Kam: the ledger equals its records ({check.Rows} figures)."
                        : $"Kam: the ledger differs from its records in {check.Differences} figures:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", check.First));
                    return check.Equal ? 0 : 1;
                }
            case "backup":
            case "restore":
                return await BackupOrRestoreAsync(sp.GetRequiredService<Backups>(), command, args);
            default:
                var user = Option(args, "--user") ?? "admin";
                var given = Option(args, "--password");
                var password = await bootstrap.EnsureAdminAsync(user, given);
                if (password is null)
                {
                    Console.WriteLine("Kam: an active administrator already exists; nothing was changed.");
                    return 1;
                }
                KamStartup.AnnounceAdmin(user, password, given is not null);
                return 0;
        }
    }

    private static async Task<int> BackupOrRestoreAsync(Backups backups, string command, string[] args)
    {
        var path = Option(args, command == "backup" ? "--to" : "--from");
        if (path is null)
        {
            Console.Error.WriteLine(command == "backup" ? "Kam: backup --to FILE.zip" : "Kam: restore --from FILE.zip [--overwrite]");
            return 2;
        }
        try
        {
            if (command == "backup")
            {
                var what = await backups.BackupAsync(path);
                Console.WriteLine($"Kam: backed up the {what} to {Path.GetFullPath(path)}.");
            }
            else
            {
                await backups.RestoreAsync(path, overwrite: args.Contains("--overwrite"));
                Console.WriteLine($"Kam: restored {Path.GetFullPath(path)}. Start Kam as usual.");
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Kam: {command} failed: {e.Message}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
