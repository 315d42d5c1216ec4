using System.Diagnostics;

namespace Kam.Cluster.Tests.Infrastructure;

/// <summary>
/// Debian's nginx in the foreground with the README's template (deploy/nginx/kam.conf) filled in for the two servers;
/// the lane's own main file only adds what running without root's folders needs (pid, logs, temp paths).
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _prefix;

    private Nginx(Process process, string prefix, int port)
    {
        _process = process;
        _prefix = prefix;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string ErrorLog => File.Exists(Path.Combine(_prefix, "error.log")) ? File.ReadAllText(Path.Combine(_prefix, "error.log")) : "";

    public static async Task<Nginx> StartAsync(string template, string prefix, int port, KamServer first, KamServer second)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"{Binary} is missing: test.sh installs Debian's nginx (apt-get install nginx).");
        Directory.CreateDirectory(prefix);
        var site = (await File.ReadAllTextAsync(template))
            .Replace("KAM_SERVER_1", first.Address, StringComparison.Ordinal)
            .Replace("KAM_SERVER_2", second.Address, StringComparison.Ordinal)
            .Replace("KAM_LISTEN", $"127.0.0.1:{port}", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(prefix, "kam.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/kam.conf;
            }
            """);
        // Started as root, nginx's workers run as nobody: they must reach the temp folders.
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            File.SetUnixFileMode(prefix, (UnixFileMode)0x1FF); // rwxrwxrwx
            if (Path.GetDirectoryName(prefix) is { } parent)
                File.SetUnixFileMode(parent, (UnixFileMode)0x1ED); // rwxr-xr-x: the temp folder is the test's own, 700 by default
        }
        var test = Process.Start(Info(prefix, "-t"))!;
        await test.WaitForExitAsync();
        if (test.ExitCode != 0)
            throw new InvalidOperationException("nginx -t refused the configuration:\n" + await test.StandardError.ReadToEndAsync());
        var process = Process.Start(Info(prefix)) ?? throw new InvalidOperationException("nginx did not start");
        var nginx = new Nginx(process, prefix, port);
        await KamServer.WaitReadyAsync(nginx.BaseUrl, TimeSpan.FromSeconds(30), () => process.HasExited ? "nginx exited:\n" + nginx.ErrorLog : null);
        return nginx;
    }

    private static ProcessStartInfo Info(string prefix, params string[] extra)
    {
        var info = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in (string[])["-p", prefix, "-c", Path.Combine(prefix, "nginx.conf"), .. extra])
            info.ArgumentList.Add(a);
        return info;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
