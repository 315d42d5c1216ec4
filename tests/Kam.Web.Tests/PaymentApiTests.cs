using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Contracts;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>Payment plans and payments: what is still due bounds every payment; reversal instead of delete; who may write.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaymentApiTests(KamFactory app)
{
    private static DateOnly Today => PaymentData.Today;

    private static object Pay(Guid instalmentId, decimal amount, DateOnly? on = null) =>
        new { instalmentId, amount, receivedOn = on ?? Today, method = "BankTransfer", reference = "BR-" + Guid.NewGuid().ToString("N")[..6] };

    [Fact]
    public async Task A_payment_larger_than_what_is_due_is_refused_on_the_amount_and_writes_nothing()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        var contractId = await PaymentData.Contract(app, accountId, 5000m);
        var instalmentId = await PaymentData.Instalment(app, accountId, contractId, Today.AddDays(10), 1000m, collected: 400m);
        using var assistant = await app.As("assistant");

        var refused = await (await assistant.PostAsJsonAsync("/api/payments", Pay(instalmentId, 600.01m))).Problem(HttpStatusCode.BadRequest);

        Assert.Contains("600", (string?)refused["errors"]!["amount"]![0]);
        var instalment = await PaymentData.Read(app, instalmentId);
        Assert.Equal((400m, false), (instalment.Collected, instalment.Settled));
        Assert.Equal(0, await PaymentData.PaymentCount(app, instalmentId));
    }

    [Fact]
    public async Task Paying_exactly_what_is_due_settles_the_order_and_a_reversal_reopens_it()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        var (orderId, instalmentId) = await PaymentData.Order(app, accountId, 1000m, Today.AddDays(20));
        using var am1 = await app.As("am1");

        // Against the order: its own receivable is found.
        var first = await (await am1.PostAsJsonAsync("/api/payments", new { orderId, amount = 400m, receivedOn = Today, method = "AcceptanceBill" }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal(instalmentId.ToString(), (string?)first["instalmentId"]);
        Assert.Equal(400m, await PaymentData.OrderCollected(app, orderId));
        var second = await (await am1.PostAsJsonAsync("/api/payments", Pay(instalmentId, 600m))).Ok<JsonObject>(HttpStatusCode.Created);
        var settled = await PaymentData.Read(app, instalmentId);
        Assert.Equal((1000m, true), (settled.Collected, settled.Settled));
        Assert.Equal(1000m, await PaymentData.OrderCollected(app, orderId));
        var nothingDue = await (await am1.PostAsJsonAsync("/api/payments", Pay(instalmentId, 0.01m))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(nothingDue["errors"]!["amount"]);

        // Reversal: a reason is required; it undoes the payment once; the payment stays, marked.
        var secondId = (string)second["id"]!;
        var noReason = await (await am1.PostAsJsonAsync($"/api/payments/{secondId}/reverse", new { reason = " ", version = second["version"] }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var reversed = await (await am1.PostAsJsonAsync($"/api/payments/{secondId}/reverse", new { reason = "重复登记", version = second["version"] }))
            .Ok<JsonObject>();
        Assert.Equal("重复登记", (string?)reversed["reversalReason"]);
        var reopened = await PaymentData.Read(app, instalmentId);
        Assert.Equal((400m, false), (reopened.Collected, reopened.Settled));
        Assert.Equal(400m, await PaymentData.OrderCollected(app, orderId));
        await (await am1.PostAsJsonAsync($"/api/payments/{secondId}/reverse", new { reason = "再次", version = reversed["version"] })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(2, await PaymentData.PaymentCount(app, instalmentId));

        var listed = await (await am1.GetAsync($"/api/payments?orderId={orderId}&reversed=false")).ReadJson();
        Assert.Equal(1, (int)listed["total"]!);
        Assert.Equal(400m, (decimal)listed["items"]![0]!["amount"]!);
    }

    [Fact]
    public async Task A_payment_needs_a_date_not_in_the_future_a_method_and_for_a_contract_its_instalment()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        var contractId = await PaymentData.Contract(app, accountId, 5000m);
        var instalmentId = await PaymentData.Instalment(app, accountId, contractId, Today, 1000m);
        var otherContract = await PaymentData.Contract(app, accountId, 5000m);
        using var head = await app.As("head");

        var future = await (await head.PostAsJsonAsync("/api/payments", Pay(instalmentId, 10m, Today.AddDays(1)))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["receivedOn"]);
        var bare = await (await head.PostAsJsonAsync("/api/payments", new { instalmentId, amount = 0m, receivedOn = Today })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bare["errors"]!["amount"]);
        Assert.NotNull(bare["errors"]!["method"]);
        var contractOnly = await (await head.PostAsJsonAsync("/api/payments", new { contractId, amount = 10m, receivedOn = Today, method = "Cash" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(contractOnly["errors"]!["instalmentId"]);
        var wrongContract = await (await head.PostAsJsonAsync("/api/payments", new { contractId = otherContract, instalmentId, amount = 10m, receivedOn = Today, method = "Cash" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongContract["errors"]!["instalmentId"]);
        Assert.Equal(0, await PaymentData.PaymentCount(app, instalmentId));

        var paid = await (await head.PostAsJsonAsync("/api/payments", new { contractId, instalmentId, amount = 10m, receivedOn = Today, method = "Cash" }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal(contractId.ToString(), (string?)paid["contractId"]);
    }

    [Fact]
    public async Task Only_those_who_may_write_record_payments_and_an_account_manager_only_on_accounts_in_scope()
    {
        var am2Account = await PaymentData.AccountOf(app, "am2");
        var instalmentId = await PaymentData.Instalment(app, am2Account, null, Today.AddDays(5), 1000m);
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        using var exec = await app.As("exec");
        using var admin = await app.As("admin");

        await (await am1.PostAsJsonAsync("/api/payments", Pay(instalmentId, 10m))).Problem(HttpStatusCode.NotFound);
        await (await exec.PostAsJsonAsync("/api/payments", Pay(instalmentId, 10m))).Problem(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync("/api/payments", Pay(instalmentId, 10m))).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(0, await PaymentData.PaymentCount(app, instalmentId));

        var paid = await (await am2.PostAsJsonAsync("/api/payments", Pay(instalmentId, 10m))).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)paid["id"]!;
        await (await am1.GetAsync($"/api/payments/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await am1.GetAsync($"/api/payments?accountId={am2Account}")).ReadJson())["items"]!.AsArray(), _ => true);
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/payments/{id}")).StatusCode);
        await (await exec.PostAsJsonAsync($"/api/payments/{id}/reverse", new { reason = "x", version = paid["version"] })).Problem(HttpStatusCode.Forbidden);
        await (await am1.PostAsJsonAsync($"/api/payments/{id}/reverse", new { reason = "x", version = paid["version"] })).Problem(HttpStatusCode.NotFound);
        Assert.Equal(10m, (await PaymentData.Read(app, instalmentId)).Collected);
    }

    [Fact]
    public async Task Two_payments_at_the_same_moment_never_overpay_an_instalment()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        var instalmentId = await PaymentData.Instalment(app, accountId, null, Today.AddDays(5), 1000m);
        using var head = await app.As("head");
        using var assistant = await app.As("assistant");

        var responses = await Task.WhenAll(
            head.PostAsJsonAsync("/api/payments", Pay(instalmentId, 600m)),
            assistant.PostAsJsonAsync("/api/payments", Pay(instalmentId, 600m)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(responses, r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.BadRequest);
        Assert.Equal(600m, (await PaymentData.Read(app, instalmentId)).Collected);
        Assert.Equal(1, await PaymentData.PaymentCount(app, instalmentId));
    }

    [Fact]
    public async Task A_payment_plan_stays_within_the_contract_and_keeps_what_was_collected()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        var contractId = await PaymentData.Contract(app, accountId, 10000m);
        using var assistant = await app.As("assistant");
        var url = $"/api/contracts/{contractId}/payment-plan";
        var empty = await (await assistant.GetAsync(url)).ReadJson();
        Assert.Empty(empty["instalments"]!.AsArray());

        var tooMuch = await assistant.PutAsJsonAsync(url, new
        {
            version = empty["version"],
            instalments = new[] { new { dueOn = Today.AddDays(30), amount = 6000m }, new { dueOn = Today.AddDays(60), amount = 4000.01m } },
        });
        Assert.NotNull((await tooMuch.Problem(HttpStatusCode.BadRequest))["errors"]!["instalments"]);
        var negative = await assistant.PutAsJsonAsync(url, new { version = empty["version"], instalments = new[] { new { dueOn = Today, amount = -1m } } });
        Assert.NotNull((await negative.Problem(HttpStatusCode.BadRequest))["errors"]!["instalments[0].amount"]);

        // Given in any order, numbered by due date.
        var saved = await (await assistant.PutAsJsonAsync(url, new
        {
            version = empty["version"],
            instalments = new[] { new { dueOn = Today.AddDays(60), amount = 4000m }, new { dueOn = Today.AddDays(30), amount = 6000m } },
        })).Ok<JsonObject>();
        var items = saved["instalments"]!.AsArray();
        Assert.Equal(new[] { (1, 6000m), (2, 4000m) }, items.Select(i => ((int)i!["no"]!, (decimal)i["amount"]!)));
        Assert.Equal(0m, (decimal)saved["unplanned"]!);
        await (await assistant.PutAsJsonAsync(url, new { version = empty["version"], instalments = Array.Empty<object>() })).Problem(HttpStatusCode.Conflict);

        var firstId = (string)items[0]!["id"]!;
        var secondId = (string)items[1]!["id"]!;
        await (await assistant.PostAsJsonAsync("/api/payments", Pay(Guid.Parse(firstId), 2500m))).Ok<JsonObject>(HttpStatusCode.Created);
        var plan = await (await assistant.GetAsync(url)).ReadJson();
        var below = await assistant.PutAsJsonAsync(url, new
        {
            version = plan["version"],
            instalments = new object[] { new { id = firstId, dueOn = Today.AddDays(30), amount = 2000m }, new { id = secondId, dueOn = Today.AddDays(60), amount = 4000m } },
        });
        Assert.NotNull((await below.Problem(HttpStatusCode.BadRequest))["errors"]!["instalments[0].amount"]);
        var removed = await assistant.PutAsJsonAsync(url, new
        {
            version = plan["version"],
            instalments = new object[] { new { id = secondId, dueOn = Today.AddDays(60), amount = 4000m } },
        });
        Assert.Equal("payment.plan_instalment_paid", (string?)(await removed.Problem(HttpStatusCode.Conflict))["code"]);

        // Reduced to what was collected, it is settled; the unpaid one may go.
        var reduced = await (await assistant.PutAsJsonAsync(url, new
        {
            version = plan["version"],
            instalments = new object[] { new { id = firstId, dueOn = Today.AddDays(30), amount = 2500m }, new { dueOn = Today.AddDays(90), amount = 1000m } },
        })).Ok<JsonObject>();
        Assert.Equal(new[] { (2500m, true), (1000m, false) }, reduced["instalments"]!.AsArray().Select(i => ((decimal)i!["amount"]!, (bool)i["settled"]!)));
        Assert.Equal(6500m, (decimal)reduced["unplanned"]!);
    }

    [Fact]
    public async Task A_payment_plan_is_kept_from_approval_on_by_those_who_may_write_within_their_scope()
    {
        var am1Account = await PaymentData.AccountOf(app, "am1");
        var am2Account = await PaymentData.AccountOf(app, "am2");
        var draft = await PaymentData.Contract(app, am1Account, 1000m, ContractStatus.Draft);
        var mine = await PaymentData.Contract(app, am1Account, 1000m, ContractStatus.Approved);
        var theirs = await PaymentData.Contract(app, am2Account, 1000m);
        using var am1 = await app.As("am1");
        using var exec = await app.As("exec");
        object Plan(JsonNode current) => new { version = current["version"], instalments = new[] { new { dueOn = Today.AddDays(10), amount = 500m } } };

        var draftPlan = await (await am1.GetAsync($"/api/contracts/{draft}/payment-plan")).ReadJson();
        Assert.False((bool)draftPlan["editable"]!);
        Assert.Equal("payment.plan_contract_status",
            (string?)(await (await am1.PutAsJsonAsync($"/api/contracts/{draft}/payment-plan", Plan(draftPlan))).Problem(HttpStatusCode.Conflict))["code"]);
        await (await am1.GetAsync($"/api/contracts/{theirs}/payment-plan")).Problem(HttpStatusCode.NotFound);
        await (await am1.PutAsJsonAsync($"/api/contracts/{theirs}/payment-plan", new { instalments = Array.Empty<object>() })).Problem(HttpStatusCode.NotFound);

        var minePlan = await (await exec.GetAsync($"/api/contracts/{mine}/payment-plan")).ReadJson();
        Assert.False((bool)minePlan["canEdit"]!);
        await (await exec.PutAsJsonAsync($"/api/contracts/{mine}/payment-plan", Plan(minePlan))).Problem(HttpStatusCode.Forbidden);
        var saved = await (await am1.PutAsJsonAsync($"/api/contracts/{mine}/payment-plan", Plan(minePlan))).Ok<JsonObject>();
        Assert.Equal(500m, (decimal)saved["planned"]!);
    }
}
