using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Kam.Bench.Http;
using Kam.Bench.Running;

namespace Kam.Bench.Soaking;

/// <summary>
/// One virtual account manager: a closed loop (the next iteration starts when the previous one is answered, no think
/// time) until the soak's time is up. Each iteration is one task of <see cref="SoakMix"/>. Writes touch only the
/// records this client created, on accounts its user owns, so a 409 (someone else saved first) cannot be expected
/// and counts as an error like every other non-2xx answer.
/// </summary>
public sealed class SoakClient(HttpClient http, SoakUser user, SoakRecorder recorder, Random random)
{
    /// <summary>Kam's business clock is Asia/Shanghai (BusinessClock.cs), UTC+8 all year: "today" and "now" as it sees them.</summary>
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private long _started;
    private TimeSpan _duration;
    private CancellationToken _ct;

    /// <summary>Whether another request may start: never after the time is up, so the soak ends within one request per client.</summary>
    private bool Open => Stopwatch.GetElapsedTime(_started) < _duration && !_ct.IsCancellationRequested;

    public async Task RunAsync(long started, TimeSpan duration, CancellationToken ct)
    {
        (_started, _duration, _ct) = (started, duration, ct);
        try
        {
            while (Open)
                await RunTaskAsync(SoakMix.Pick(random));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: the request in flight is dropped, not counted; the command reports the minutes so far.
        }
    }

    private Task RunTaskAsync(SoakTask task) => task switch
    {
        SoakTask.AccountsList => ReadAsync(SoakOperation.AccountsList, "/api/accounts?page=1&pageSize=20"),
        SoakTask.AccountDetail => ReadAsync(SoakOperation.AccountDetail, $"/api/accounts/{PickAccount()}"),
        SoakTask.AccountContacts => ReadAsync(SoakOperation.AccountContacts, $"/api/accounts/{PickAccount()}/contacts"),
        SoakTask.VisitsList => ReadAsync(SoakOperation.VisitsList, "/api/visits?page=1"),
        SoakTask.OrdersList => ReadAsync(SoakOperation.OrdersList, "/api/orders?page=1&pageSize=20"),
        SoakTask.Workbench => ReadAsync(SoakOperation.Workbench, "/api/workbench"),
        SoakTask.Receivables => ReadAsync(SoakOperation.Receivables, "/api/receivables"),
        SoakTask.VisitRecord => VisitRecordAsync(),
        SoakTask.VisitPlan => VisitPlanAsync(),
        SoakTask.OrderAndPayment => OrderAndPaymentAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    private Task ReadAsync(SoakOperation op, string path) => ExchangeAsync(op, path, body: null, check: null);

    /// <summary>Logs a visit made in the last three hours, then corrects it as an account manager does once back at the desk.</summary>
    private async Task VisitRecordAsync()
    {
        var now = DateTimeOffset.UtcNow.ToOffset(China);
        var summary = $"浸泡测试：{user.UserName} 拜访记录 {Tag()}";
        var created = await ExchangeAsync(SoakOperation.VisitRecordCreate, "/api/visits", new
        {
            accountId = PickAccount(),
            at = now.AddMinutes(-random.Next(5, 180)),
            durationMinutes = random.Next(20, 120),
            summary,
            outcome = "客户有意向",
        }, HasIds("id", "version"));
        if (created is not { } visit || !Open)
            return;
        await ExchangeAsync(SoakOperation.VisitRecordEdit, $"/api/visits/{visit.GetProperty("id").GetGuid()}", new
        {
            summary = summary + "（已补充）",
            outcome = "客户有意向，约定样品测试",
            nextStep = "回访确认样品",
            nextStepOn = DateOnly.FromDateTime(now.DateTime).AddDays(7),
            version = visit.GetProperty("version").GetGuid(),
        }, HasIds("id"));
    }

    /// <summary>Plans a visit in the next two weeks, then moves it by a day (a plan's edit replaces all its fields).</summary>
    private async Task VisitPlanAsync()
    {
        var day = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime).AddDays(random.Next(1, 15));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(random.Next(9, 17), 0)), China);
        var accountId = PickAccount();
        var purpose = $"浸泡测试：{user.UserName} 拜访计划 {Tag()}";
        var created = await ExchangeAsync(SoakOperation.VisitPlanCreate, "/api/visit-plans", new
        {
            accountId,
            at,
            purpose,
            expectedOutcome = "了解采购计划",
        }, HasIds("id", "version"));
        if (created is not { } plan || !Open)
            return;
        await ExchangeAsync(SoakOperation.VisitPlanEdit, $"/api/visit-plans/{plan.GetProperty("id").GetGuid()}", new
        {
            accountId,
            at = at.AddDays(1),
            purpose = purpose + "（改期）",
            expectedOutcome = "了解采购计划，约定下次拜访",
            version = plan.GetProperty("version").GetGuid(),
        }, HasIds("id"));
    }

    /// <summary>
    /// An order of one line outside any contract (so it needs no approval), confirmed (which creates its own
    /// receivable), then a payment of part or all of that receivable, received today.
    /// </summary>
    private async Task OrderAndPaymentAsync()
    {
        var product = user.Products[random.Next(user.Products.Count)];
        var created = await ExchangeAsync(SoakOperation.OrderCreate, "/api/orders", new
        {
            accountId = PickAccount(),
            note = $"浸泡测试 {Tag()}",
            lines = new[] { new { productId = product.Id, quantity = random.Next(1, 11) } },
        }, HasIds("id", "version"));
        if (created is not { } order || !Open)
            return;
        var orderId = order.GetProperty("id").GetGuid();
        var confirmed = await ExchangeAsync(SoakOperation.OrderConfirm, $"/api/orders/{orderId}/confirm",
            new { version = order.GetProperty("version").GetGuid() },
            json => json.ValueKind == JsonValueKind.Object && json.TryGetProperty("receivable", out var r) && r.ValueKind == JsonValueKind.Object
                ? HasIds("id")(r) ?? (r.TryGetProperty("amount", out var a) && a.TryGetDecimal(out _) ? null : "the receivable has no amount")
                : "the confirmed order has no receivable of its own");
        if (confirmed is not { } detail || !Open)
            return;
        var receivable = detail.GetProperty("receivable");
        var due = receivable.GetProperty("amount").GetDecimal();
        var amount = Math.Max(0.01m, Math.Round(due * random.Next(30, 101) / 100m, 2));
        await ExchangeAsync(SoakOperation.PaymentCreate, "/api/payments", new
        {
            instalmentId = receivable.GetProperty("id").GetGuid(),
            amount = Math.Min(amount, due),
            receivedOn = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime),
            method = "BankTransfer",
            reference = "SOAK-" + Tag(),
        }, HasIds("id"));
    }

    /// <summary>
    /// Sends one request and records it. The latency runs to the last byte of the body (the default completion
    /// option buffers it). A 2xx answer that lacks what the next step needs counts as an error too, with the reason.
    /// Returns the JSON answer when it was a success and a check was asked for.
    /// </summary>
    private async Task<JsonElement?> ExchangeAsync(SoakOperation op, string path, object? body, Func<JsonElement, string?>? check)
    {
        using var request = new HttpRequestMessage(new HttpMethod(op.Method), KamHttp.Relative(path));
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json);
        var t0 = Stopwatch.GetTimestamp();
        int status;
        string text;
        string? error = null;
        double ms;
        try
        {
            using var response = await http.SendAsync(request, _ct);
            ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            status = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(_ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_ct.IsCancellationRequested)
        {
            ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            (status, text) = (0, "");
            error = e is TaskCanceledException ? $"timed out after {http.Timeout.TotalSeconds:0} s" : e.Message;
        }

        JsonElement? json = null;
        if (status is >= 200 and < 300 && check is not null)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                json = doc.RootElement.Clone();
                error = check(json.Value);
            }
            catch (JsonException e)
            {
                error = "the answer is not JSON: " + e.Message;
            }
        }
        var sample = new Sample(ms, status, error);
        recorder.Add(op, sample, $"{op.Method} {path}", sample.IsSuccess ? "" : text);
        // No answer at all (the server is gone or refuses connections) comes back at once: without a pause a closed
        // loop would record errors by the million. One per second per client still shows every minute it lasted.
        if (status == 0)
            await Task.Delay(TimeSpan.FromSeconds(1), _ct);
        return sample.IsSuccess ? json : null;
    }

    /// <summary>A check that the answer carries these GUIDs (an id, a version): the next step of the flow sends them back.</summary>
    private static Func<JsonElement, string?> HasIds(params string[] names) => json =>
        json.ValueKind != JsonValueKind.Object ? "the answer is not a JSON object"
        : names.FirstOrDefault(n => !json.TryGetProperty(n, out var v) || v.ValueKind != JsonValueKind.String || !v.TryGetGuid(out _)) is { } missing
            ? $"the answer has no '{missing}'"
            : null;

    private Guid PickAccount() => user.Accounts[random.Next(user.Accounts.Count)];

    /// <summary>A short random tag that makes each created record's text unique, so that it can be found in the data.</summary>
    private string Tag() => random.Next(0x100000, 0xFFFFFF).ToString("X6", CultureInfo.InvariantCulture);
}
