using Kam.Bench.Cli;
using Kam.Bench.Commands;
using Kam.Bench.Http;

// Kam.Bench run    --base URL [--scenarios FILE] ...   HTTP scenarios at 1 and 4 clients
// Kam.Bench import --rows N [--base URL] ...          generate an .xlsx (and upload it)
// Kam.Bench soak   --base URL [--minutes 10] ...       mixed reads and writes for a fixed time, judged per minute
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
Console.OutputEncoding = System.Text.Encoding.UTF8;

var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
try
{
    return command switch
    {
        "run" => await RunCommand.RunAsync(rest, cancel.Token),
        "import" => await ImportCommand.RunAsync(rest, cancel.Token),
        "soak" => await SoakCommand.RunAsync(rest, cancel.Token),
        "help" or "--help" or "-h" => Usage.Print(),
        _ => throw new UsageException($"Unknown command '{command}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine($"Kam.Bench: {e.Message}");
    Usage.Print(Console.Error);
    return 64;
}
catch (Exception e) when (e is BenchException or InvalidDataException or IOException)
{
    Console.Error.WriteLine($"Kam.Bench: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Kam.Bench: cancelled.");
    return 130;
}
