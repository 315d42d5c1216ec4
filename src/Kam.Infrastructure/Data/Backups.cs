using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Kam.Core.Accounts;
using Kam.Core.Users;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Kam.Infrastructure.Data;

/// <summary>
/// One archive (.zip) holding a consistent copy of the database and the stored files, taken while Kam runs, and
/// its restore into an empty installation.
/// <list type="bullet">
/// <item>SQLite: <c>VACUUM INTO</c>, SQLite's own online copy: one read transaction, so every write acknowledged before
/// it began is in it and none is half in it.</item>
/// <item>PostgreSQL: <c>pg_dump --format=custom</c> (one snapshot), when the client is installed; otherwise the error
/// says how to install it.</item>
/// </list>
/// Files are copied after the database: a file is written before the record that names it is saved, so every
/// attachment the copied database knows of is in the archive.
/// </summary>
public sealed class Backups(KamDbContext db, DatabaseSettings settings)
{
    private const string SqliteEntry = "kam.db";
    private const string PostgresEntry = "kam.pgdump";
    private const string FilesFolder = "files";

    /// <summary>Writes the archive; returns what it holds, for the console.</summary>
    public async Task<string> BackupAsync(string archivePath, CancellationToken ct = default)
    {
        var work = Directory.CreateTempSubdirectory("kam-backup-");
        try
        {
            string entry;
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                entry = SqliteEntry;
                var copy = Path.Combine(work.FullName, entry);
                await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [copy], ct);
            }
            else
            {
                entry = PostgresEntry;
                await RunAsync(Tool("pg_dump"), ["--format=custom", "--no-owner", "--file", Path.Combine(work.FullName, entry)], ct);
            }

            var full = Path.GetFullPath(archivePath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var partial = full + ".partial";
            var files = 0;
            await using (var stream = File.Create(partial))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(Path.Combine(work.FullName, entry), entry, CompressionLevel.Optimal);
                var root = Path.Combine(settings.DataDir, FilesFolder);
                if (Directory.Exists(root))
                {
                    foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
                    {
                        zip.CreateEntryFromFile(file, FilesFolder + "/" + Path.GetRelativePath(root, file).Replace('\\', '/'), CompressionLevel.Fastest);
                        files++;
                    }
                }
                var manifest = zip.CreateEntry("manifest.json");
                await using var writer = manifest.Open();
                await JsonSerializer.SerializeAsync(writer, new { provider = settings.Provider.ToString(), database = entry, files, at = DateTimeOffset.UtcNow }, cancellationToken: ct);
            }
            // Only a finished archive takes the name: a backup cut off half way never passes for a whole one.
            File.Move(partial, full, overwrite: true);
            return $"{settings.Provider} database and {files} files";
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Whether the installation holds anything a restore would overwrite (any user or account).</summary>
    public async Task<bool> HoldsDataAsync(CancellationToken ct = default) =>
        await db.Set<User>().AnyAsync(ct) || await db.Set<Account>().AnyAsync(ct);

    /// <summary>Restores an archive of the same provider; refuses to overwrite data unless <paramref name="overwrite"/>.</summary>
    public async Task RestoreAsync(string archivePath, bool overwrite, CancellationToken ct = default)
    {
        using var zip = ZipFile.OpenRead(archivePath);
        var entry = settings.Provider == DatabaseProvider.Sqlite ? SqliteEntry : PostgresEntry;
        var database = zip.GetEntry(entry)
            ?? throw new InvalidOperationException($"The archive has no {entry}: it is not a {settings.Provider} backup of Kam.");
        if (!overwrite && await HoldsDataAsync(ct))
            throw new InvalidOperationException("The database already holds data; restore refuses to overwrite it (add --overwrite to replace it).");

        var work = Directory.CreateTempSubdirectory("kam-restore-");
        try
        {
            var copy = Path.Combine(work.FullName, entry);
            database.ExtractToFile(copy);
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                var target = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
                await db.Database.CloseConnectionAsync();
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "-wal", "-shm" })
                    File.Delete(target + suffix);
                File.Copy(copy, target, overwrite: true);
            }
            else
            {
                await RunAsync(Tool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--single-transaction", copy], ct);
                // pg_restore brings no planner statistics: without them the first queries on big tables plan as if empty.
                await new DatabaseMaintenance(db).RefreshStatisticsAsync(ct);
            }

            var root = Path.Combine(settings.DataDir, FilesFolder);
            foreach (var file in zip.Entries.Where(e => e.FullName.StartsWith(FilesFolder + "/", StringComparison.Ordinal) && e.Name.Length > 0))
            {
                var path = Path.GetFullPath(Path.Combine(root, file.FullName[(FilesFolder.Length + 1)..]));
                if (!path.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    continue; // an entry that would land outside the files folder is not ours
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                file.ExtractToFile(path, overwrite: true);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>A PostgreSQL client program: on PATH, or in Debian's versioned folder.</summary>
    private static string Tool(string name)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", name)).FirstOrDefault(File.Exists)
            : null;
        return onPath ?? debian ?? throw new InvalidOperationException(
            $"{name} is not installed. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client) and run the command again.");
    }

    /// <summary>Runs a PostgreSQL client against Kam's database (connection given through the environment, not the command line).</summary>
    private async Task RunAsync(string program, string[] arguments, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        start.ArgumentList.Add("--dbname=" + cs.Database);
        start.Environment["PGHOST"] = cs.Host;
        start.Environment["PGPORT"] = cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cs.Username is { } user)
            start.Environment["PGUSER"] = user;
        if (cs.Password is { } password)
            start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {(await error).Trim()}");
    }
}
