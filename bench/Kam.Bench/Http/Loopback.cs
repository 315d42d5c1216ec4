using System.Net;
using Kam.Bench.Cli;

namespace Kam.Bench.Http;

/// <summary>
/// The harness only ever loads a server on this machine: a benchmark pointed at a shared or remote host by
/// mistake would be a denial-of-service, so anything but loopback is refused before the first request.
/// </summary>
public static class Loopback
{
    public static Uri Parse(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl))
            throw new UsageException("--base is required, e.g. --base http://127.0.0.1:5080");
        if (!Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new UsageException($"--base must be an http(s) URL, not '{baseUrl}'.");
        var host = uri.Host.Trim('[', ']');
        var loopback = host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback)
            throw new UsageException($"--base must be 127.0.0.1, [::1] or localhost: the harness never loads another machine ('{uri.Host}').");
        return uri;
    }
}
