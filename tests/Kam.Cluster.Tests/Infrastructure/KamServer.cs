using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kam.Cluster.Tests.Infrastructure;

/// <summary>
/// One Kam process from the Release build ("dotnet Kam.Web.dll", Production, as an operator starts it); its console is
/// kept (the scheduler's run lines are counted from it) and written to a log file beside the lane's other files.
/// </summary>
public sealed class KamServer(string name, string dll, int port, IReadOnlyList<string> settings, string logFile) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private Process? _process;

    public string Name => name;

    public int Port => port;

    public string Address => $"127.0.0.1:{port}";

    public string BaseUrl => $"http://{Address}";

    public IReadOnlyCollection<string> Lines => _lines;

    public bool Running => _process is { HasExited: false };

    /// <summary>Runs an admin command of the same binary ("migrate", "seed-demo") to its end.</summary>
    public static async Task RunCommandAsync(string dll, string command, IReadOnlyList<string> settings, string logFile)
    {
        var info = Start(dll, [command, .. settings]);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {command}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        await File.AppendAllTextAsync(logFile, $"$ Kam.Web.dll {command}\n{await output}{await errors}\n");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Kam.Web.dll {command} exited with {process.ExitCode}: {await errors}{await output}");
    }

    public async Task StartAsync()
    {
        var info = Start(dll, ["--urls", BaseUrl, .. settings]);
        _process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(BaseUrl, TimeSpan.FromMinutes(2), () => Running ? null : $"{name} exited:\n{Tail()}");
    }

    /// <summary>Stops the process: SIGTERM (a graceful stop, as systemd does), or SIGKILL when <paramref name="kill"/>.</summary>
    public async Task StopAsync(bool kill = false)
    {
        if (_process is not { HasExited: false } process)
            return;
        if (kill)
            process.Kill(entireProcessTree: true);
        else
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Waits until GET /health/ready answers 200; <paramref name="failed"/> says why to give up early.</summary>
    public static async Task WaitReadyAsync(string baseUrl, TimeSpan limit, Func<string?>? failed = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            if (failed?.Invoke() is { } why)
                throw new InvalidOperationException(why);
            try
            {
                if ((await http.GetAsync($"{baseUrl}/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"{baseUrl}/health/ready did not answer 200 within {limit}");
            await Task.Delay(200);
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', _lines.TakeLast(lines));

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _lines.Enqueue(line);
        lock (_lines)
            File.AppendAllText(logFile, line + "\n");
    }

    private static ProcessStartInfo Start(string dll, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        // As an operator runs it: Production, whatever the test runner's environment says.
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }
}
