using System.Diagnostics;
using Kam.Bench.Cli;
using Kam.Bench.Http;
using Kam.Bench.Import;
using Kam.Bench.Monitoring;
using Kam.Bench.Reporting;
using MiniExcelLibs;

namespace Kam.Bench.Commands;

/// <summary><c>import</c>: generate an account sheet, optionally check it, upload it and measure the server.</summary>
public static class ImportCommand
{
    private static readonly HashSet<string> Values =
        ["--rows", "--base", "--user", "--password", "--path", "--server-pid", "--out", "--seed", "--start", "--timeout", "--results", "--meta"];

    private static readonly HashSet<string> Flags = ["--keep", "--check"];

    public static async Task<int> RunAsync(string[] argv, CancellationToken ct)
    {
        var args = new Args(argv, Values, Flags);
        var rows = args.Int("--rows") ?? 100_000;
        if (rows == 0)
            throw new UsageException("--rows must be at least 1.");
        var baseUri = args.Get("--base") is null ? null : Loopback.Parse(args.Get("--base"));
        var server = ServerProcess.FromArg(args.Int("--server-pid"));
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.ReadLoadAverage();
        var file = args.Get("--out") ?? Path.Combine(Path.GetTempPath(), $"kam-import-{rows}-{ResultFiles.Stamp(startedAt)}.xlsx");
        var keep = args.Has("--keep") || args.Get("--out") is not null;

        try
        {
            var generator = new AccountRowGenerator(args.Int("--seed") ?? 2026, args.Int("--start") ?? 1);
            var t0 = Stopwatch.GetTimestamp();
            // SaveAs pulls rows from the enumerable as it writes: the file is never whole in memory.
            MiniExcel.SaveAs(file, generator.Rows(rows), sheetName: "客户", overwriteFile: true);
            var generateSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            var fileMb = new FileInfo(file).Length / 1024d / 1024d;
            var ownPeak = new ServerProcess(Environment.ProcessId).PeakMb();
            Console.WriteLine($"Kam.Bench: generated {rows:N0} rows in {generateSeconds:0.0} s: {file} ({fileMb:0.0} MB; harness peak RSS {ownPeak:0} MB)");

            if (args.Has("--check"))
            {
                t0 = Stopwatch.GetTimestamp();
                var problems = XlsxCheck.Problems(file, rows);
                if (problems.Count > 0)
                {
                    Console.Error.WriteLine("Kam.Bench: the generated file is not valid:");
                    problems.ForEach(p => Console.Error.WriteLine("  " + p));
                    return 1;
                }
                Console.WriteLine($"Kam.Bench: check passed in {Stopwatch.GetElapsedTime(t0).TotalSeconds:0.0} s: the 18 headers in order, "
                    + $"{rows:N0} rows, unique names and credit codes, every credit code's GB 11714 and GB 32100 check characters valid");
            }
            if (baseUri is null)
                return 0;

            var user = args.Get("--user") ?? "assistant";
            var path = args.Get("--path") ?? "/api/accounts/import?mode=good";
            using var client = KamHttp.CreateClient(baseUri, TimeSpan.FromSeconds(args.Int("--timeout") ?? 900));
            await KamHttp.LoginAsync(client, user, args.Get("--password") ?? "Demo#2026", ct);
            Console.WriteLine($"Kam.Bench: uploading to POST {path} as {user}...");
            var upload = await ImportUpload.RunAsync(client, path, file, server, ct);

            var root = ResultFiles.RepoRoot();
            var report = new ImportReport(startedAt, baseUri.ToString(), path, user, CommandLine.Current(argv, "import"),
                MachineInfo.Collect(root),
                [.. args.Meta(), KeyValuePair.Create("Load average (1/5/15 min) at the start", loadAtStart)], rows, Math.Round(fileMb, 2), Math.Round(generateSeconds, 2), ownPeak, upload);
            var written = ResultFiles.Write(args.Get("--results") ?? Path.Combine(root, "bench", "results"), "import", startedAt,
                report.ToMarkdown(), report);
            Console.WriteLine($"Kam.Bench: {report.Outcome} in {upload.ElapsedSeconds:0.00} s" + (server is null ? " (no --server-pid: no memory figures)"
                : $"; server RSS before {upload.ServerRssBeforeMb:0} MB, max sampled {upload.ServerRssMaxSampledMb:0} MB, VmHWM {upload.ServerPeakMb:0} MB"));
            Console.WriteLine($"Kam.Bench: results in {written} (and .json)");
            if (upload.EndpointMissing)
            {
                Console.Error.WriteLine($"Kam.Bench: the server has no import endpoint: POST {path} answered {upload.Status} {upload.Reason}. "
                    + "This Kam build does not offer account import yet (or --path is wrong).");
                return 2;
            }
            if (!upload.IsSuccess)
            {
                Console.Error.WriteLine($"Kam.Bench: the import failed: {upload.Status} {upload.Reason} {KamHttp.Shorten(upload.Body, 1000)}");
                return 1;
            }
            Console.WriteLine(ImportReport.Pretty(upload.Body));
            return 0;
        }
        finally
        {
            if (!keep && File.Exists(file))
                File.Delete(file);
        }
    }
}
