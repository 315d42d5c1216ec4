namespace Kam.Bench.Commands;

public static class Usage
{
    private const string Text = """
        Kam.Bench: HTTP benchmarks against a running Kam server on this machine (see bench/README.md).

          Kam.Bench run --base http://127.0.0.1:PORT [--scenarios bench/scenarios/foundation.json]
                        [--concurrency 1,4] [--warmup 20] [--warmup-seconds 2] [--requests 300] [--max-seconds 20]
                        [--only NAME[,NAME]] [--password P] [--timeout 30] [--server-pid PID]
                        [--results DIR] [--meta "Key=Value"]...

          Kam.Bench import --rows 100000 [--base http://127.0.0.1:PORT] [--user assistant] [--password P]
                           [--path "/api/accounts/import?mode=good"] [--server-pid PID] [--out FILE.xlsx]
                           [--keep] [--check] [--seed 2026] [--start 1] [--timeout 900]
                           [--results DIR] [--meta "Key=Value"]...
            Without --base it only generates the file (with --check: reads it back and validates every row).

          Kam.Bench soak --base http://127.0.0.1:PORT [--minutes 10] [--clients 4] [--server-pid PID]
                         [--password P] [--timeout 30] [--seed 2026] [--results DIR] [--meta "Key=Value"]...
            Mixed reads and writes (visits, orders, payments) by am1..am4 for a fixed time: per-minute latency,
            errors and server memory, with verdicts on errors, latency drift and memory growth.

        Results: DIR/NAME-yyyyMMdd-HHmmss.md and .json, DIR defaulting to bench/results.
        """;

    public static int Print() => Print(Console.Out);

    public static int Print(TextWriter to)
    {
        to.WriteLine(Text);
        return 0;
    }
}
