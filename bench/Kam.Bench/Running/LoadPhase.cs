using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Kam.Bench.Http;

namespace Kam.Bench.Running;

/// <summary>
/// One bounded burst of requests: the clients share a request budget and a deadline, and each client sends
/// its next request as soon as the previous one is answered (closed loop, no think time), so the number of
/// clients is the number of requests in flight. A minimum duration (for warm-up) keeps going past the budget,
/// but never past the deadline.
/// </summary>
public sealed class LoadPhase(HttpMethod method, string path, JsonElement? body)
{
    public async Task<(List<Sample> Samples, double ElapsedSeconds, bool TimedOut)> RunAsync(
        HttpClient[] clients, int budget, TimeSpan maxDuration, CancellationToken ct, TimeSpan minDuration)
    {
        var issued = 0;
        var timedOut = false;
        var started = Stopwatch.GetTimestamp();

        async Task<List<Sample>> Client(HttpClient client)
        {
            var samples = new List<Sample>();
            while (!ct.IsCancellationRequested)
            {
                if (Stopwatch.GetElapsedTime(started) >= maxDuration)
                {
                    timedOut = true;
                    break;
                }
                if (Interlocked.Increment(ref issued) > budget && Stopwatch.GetElapsedTime(started) >= minDuration)
                    break;
                samples.Add(await SendAsync(client, ct));
            }
            return samples;
        }

        var perClient = await Task.WhenAll(clients.Select(Client));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (perClient.SelectMany(s => s).ToList(), elapsed, timedOut);
    }

    private async Task<Sample> SendAsync(HttpClient client, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, KamHttp.Relative(path));
        if (body is { } json)
            request.Content = new StringContent(json.GetRawText(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        var t0 = Stopwatch.GetTimestamp();
        try
        {
            // The default completion option buffers the whole body, so the latency includes its transfer.
            using var response = await client.SendAsync(request, ct);
            var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            return new Sample(ms, (int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var error = e is TaskCanceledException ? $"timed out after {client.Timeout.TotalSeconds:0} s" : e.Message;
            return new Sample(Stopwatch.GetElapsedTime(t0).TotalMilliseconds, 0, error);
        }
    }
}
