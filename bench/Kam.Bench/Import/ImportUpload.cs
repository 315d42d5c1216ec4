using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Kam.Bench.Http;
using Kam.Bench.Monitoring;

namespace Kam.Bench.Import;

/// <summary>What one upload took, on the wire and in the server's memory.</summary>
public sealed record UploadResult(
    int Status,
    string Reason,
    double ElapsedSeconds,
    string Body,
    double? ServerRssBeforeMb,
    double? ServerRssMaxSampledMb,
    double? ServerPeakMb,
    IReadOnlyList<double> RssSamplesMb)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The endpoint is not there yet (404) or not for POST (405): say so plainly instead of a bare code.</summary>
    public bool EndpointMissing => Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.MethodNotAllowed;
}

public static class ImportUpload
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// POSTs the file as multipart field "file", streamed from disk, while sampling the server's VmRSS every 100 ms;
    /// VmHWM read afterwards is the true peak, the samples show when it happened.
    /// </summary>
    public static async Task<UploadResult> RunAsync(HttpClient client, string path, string file, ServerProcess? server, CancellationToken ct)
    {
        var before = server?.RssMb();
        var samples = new List<double>();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = server is null ? Task.CompletedTask : SampleAsync(server, samples, stopSampling.Token);

        var started = Stopwatch.GetTimestamp();
        int status;
        string reason, body;
        try
        {
            await using var stream = File.OpenRead(file);
            using var content = new MultipartFormDataContent();
            var part = new StreamContent(stream, 81920);
            part.Headers.ContentType = new MediaTypeHeaderValue(XlsxType);
            content.Add(part, "file", Path.GetFileName(file));
            using var response = await client.PostAsync(KamHttp.Relative(path), content, ct);
            status = (int)response.StatusCode;
            reason = response.ReasonPhrase ?? "";
            body = await response.Content.ReadAsStringAsync(ct);
        }
        finally
        {
            await stopSampling.CancelAsync();
            await sampler;
        }
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new UploadResult(status, reason, elapsed, body, before,
            samples.Count > 0 ? samples.Max() : null, server?.PeakMb(), samples);
    }

    private static async Task SampleAsync(ServerProcess server, List<double> samples, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                if (server.RssMb() is { } rss)
                    samples.Add(Math.Round(rss, 1));
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // The upload finished: sampling ends with it.
        }
    }
}
