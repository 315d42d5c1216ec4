using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Common;
using Kam.Core.Notifications;
using Kam.Infrastructure.Data;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Web.Tests;

/// <summary>
/// The generic form of every capability's own confidentiality checks: for each record type scoped through an account
/// or a person, a record of one account manager's is created, and another account manager finds it in no list, opens
/// no detail (404) and gets no row of it in any export, while its owner (or the head) does find it there.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DataScopeApiTests(KamFactory app)
{
    /// <summary>A record and where it shows: the list, the detail page and the export that would carry it.</summary>
    private sealed record Placed(string Id, string Marker, string? List, string? Detail, string? Export, HttpClient Sees);

    private sealed record Actors(KamFactory App, HttpClient Owner, Guid OwnerId, HttpClient Head, HttpClient Assistant);

    private static readonly Dictionary<Type, Func<Actors, Task<Placed>>> Cases = new()
    {
        [typeof(Kam.Core.Accounts.Account)] = async a =>
        {
            var (id, name) = await Account(a);
            return new(id, name, $"/api/accounts?search={Esc(name)}", $"/api/accounts/{id}", $"/api/accounts/export?search={Esc(name)}", a.Owner);
        },
        [typeof(Kam.Core.Accounts.Contact)] = async a =>
        {
            var (account, _) = await Account(a);
            var name = "联系人" + Short();
            var contact = await (await a.Owner.PostAsJsonAsync($"/api/accounts/{account}/contacts", new { name, title = "采购" })).Ok<JsonObject>(HttpStatusCode.Created);
            return new((string)contact["id"]!, name, $"/api/accounts/{account}/contacts", null, null, a.Owner);
        },
        [typeof(Kam.Core.Attachments.Attachment)] = async a =>
        {
            var (account, _) = await Account(a);
            var file = "资料" + Short() + ".pdf";
            var uploaded = await (await a.Owner.PostAsync($"/api/accounts/{account}/attachments", Uploads.File(file, "%PDF-1.4 test"u8.ToArray(), "application/pdf")))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)uploaded["id"]!;
            return new(id, file, $"/api/accounts/{account}/attachments", $"/api/attachments/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Visits.Visit)] = async a =>
        {
            var (account, _) = await Account(a);
            var summary = "拜访" + Short();
            var at = DateTimeOffset.UtcNow.AddHours(-2).ToString("O");
            var visit = await (await a.Owner.PostAsJsonAsync("/api/visits", new { accountId = account, at, summary })).Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)visit["id"]!;
            return new(id, summary, $"/api/visits?accountId={account}&pageSize=100", $"/api/visits/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Opportunities.Opportunity)] = async a =>
        {
            var (account, _) = await Account(a);
            var name = "商机" + Short();
            var created = await (await a.Owner.PostAsJsonAsync("/api/opportunities", new { accountId = account, name, expectedAmount = 120000m, stage = "contact" }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)created["id"]!;
            return new(id, name, $"/api/opportunities?search={Esc(name)}", $"/api/opportunities/{id}", $"/api/opportunities/export?search={Esc(name)}", a.Owner);
        },
        [typeof(Kam.Core.Contracts.Contract)] = async a =>
        {
            var (account, _) = await Account(a);
            var title = "合同" + Short();
            var id = (string)(await Contracts.Create(a.Owner, Guid.Parse(account), new { title }))["id"]!;
            return new(id, title, $"/api/contracts?search={Esc(title)}", $"/api/contracts/{id}", $"/api/contracts/export?search={Esc(title)}", a.Owner);
        },
        [typeof(Kam.Core.Orders.Order)] = async a =>
        {
            var order = await Order(a);
            var (id, number) = ((string)order["id"]!, (string)order["number"]!);
            return new(id, number, $"/api/orders?search={Esc(number)}", $"/api/orders/{id}", $"/api/orders/export?search={Esc(number)}", a.Owner);
        },
        [typeof(Kam.Core.Orders.Shipment)] = async a =>
        {
            var order = await Orders.Step(a.Owner, await Order(a), "confirm");
            var line = (string)order["lines"]![0]!["id"]!;
            var shipped = await (await a.Owner.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = line, quantity = 1 } } }))
                .ReadJson();
            var shipment = (string)shipped["shipments"]![0]!["id"]!;
            var number = (string)shipped["shipments"]![0]!["number"]!;
            return new(shipment, number, $"/api/shipments?search={Esc(number)}", null, $"/api/shipments/export?search={Esc(number)}", a.Owner);
        },
        [typeof(Kam.Core.Payments.Instalment)] = async a =>
        {
            var (account, name) = await Account(a);
            var (_, instalment) = await PaymentData.Order(a.App, Guid.Parse(account), 1000m, PaymentData.Today.AddDays(20));
            return new(instalment.ToString(), name, $"/api/receivables/instalments?accountId={account}", null, $"/api/receivables/export?accountId={account}", a.Owner);
        },
        [typeof(Kam.Core.Ledger.LedgerFact)] = async a =>
        {
            // The ledger's figures of an account show in the receivables by account (a large overdue sum puts it first).
            var (account, name) = await Account(a);
            await PaymentData.Instalment(a.App, Guid.Parse(account), null, PaymentData.Today.AddDays(-100), 99_999_999m);
            return new(account, name, "/api/receivables?groupBy=account", null, null, a.Owner);
        },
        [typeof(Kam.Core.Ledger.LedgerDay)] = async a =>
        {
            // A person's figures per day show in the receivables by person to whoever sees the department.
            var (account, _) = await Account(a);
            await PaymentData.Instalment(a.App, Guid.Parse(account), null, PaymentData.Today.AddDays(-100), 88_888_888m);
            var person = a.OwnerId.ToString();
            return new(person, person, "/api/receivables?groupBy=person", null, null, a.Head);
        },
        [typeof(Kam.Core.Payments.Payment)] = async a =>
        {
            var (account, name) = await Account(a);
            var (order, _) = await PaymentData.Order(a.App, Guid.Parse(account), 1000m, PaymentData.Today.AddDays(20));
            var paid = await (await a.Owner.PostAsJsonAsync("/api/payments", new { orderId = order, amount = 300m, receivedOn = PaymentData.Today, method = "Cash" }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)paid["id"]!;
            return new(id, name, $"/api/payments?accountId={account}", $"/api/payments/{id}", $"/api/payments/export?accountId={account}", a.Owner);
        },
        [typeof(Kam.Core.Approvals.ApprovalRequest)] = async a =>
        {
            var (account, _) = await Account(a);
            var title = "送审合同" + Short();
            var contract = (string)(await Contracts.Create(a.Owner, Guid.Parse(account), new { title }))["id"]!;
            var submitted = await (await a.Owner.PostAsJsonAsync($"/api/contracts/{contract}/submit", new { note = "请审批" })).Ok<JsonObject>();
            var id = (string)submitted["approvalId"]!;
            return new(id, title, "/api/approvals?box=All&pageSize=100", $"/api/approvals/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.DailyReports.DailyReport)] = async a =>
        {
            var work = "日报" + Short();
            var report = await (await a.Owner.PostAsJsonAsync("/api/daily-reports", new { date = PaymentData.Today.AddDays(-1).ToString("yyyy-MM-dd"), otherWork = work, submit = true }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)report["id"]!;
            return new(id, work, "/api/daily-reports?pageSize=100", $"/api/daily-reports/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.DailyReports.DaySummary)] = async a =>
        {
            var day = new DateOnly(2003, 1, 1).AddDays(Random.Shared.Next(3000)).ToString("yyyy-MM-dd");
            var text = "部门日汇总" + Short();
            await (await a.Assistant.PutAsJsonAsync($"/api/day-summaries/{day}", new { text })).Ok<JsonObject>();
            return new(day, text, null, $"/api/day-summaries/{day}", null, a.Head);
        },
        [typeof(Kam.Core.WorkItems.Meeting)] = async a =>
        {
            var title = "例会" + Short();
            var meeting = await (await a.Assistant.PostAsJsonAsync("/api/meetings", new { title, at = DateTimeOffset.UtcNow, attendeeIds = new[] { a.OwnerId } }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)meeting["id"]!;
            return new(id, title, "/api/meetings?pageSize=200", $"/api/meetings/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.WorkItems.WorkItem)] = async a =>
        {
            var title = "督办" + Short();
            var task = await (await a.Head.PostAsJsonAsync("/api/tasks", new { title, ownerId = a.OwnerId, dueOn = PaymentData.Today.AddDays(3) }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)task["item"]!["id"]!;
            return new(id, title, "/api/tasks?pageSize=200", $"/api/tasks/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Targets.TargetLine)] = async a =>
        {
            // A person's share of a target shows to them and the department's readers; another account manager sees
            // the department's total only.
            var period = $"{2060 + Random.Shared.Next(40)}-{1 + Random.Shared.Next(12):00}";
            var am1 = await a.App.Read(db => db.Users.Where(u => u.UserName == "am1").Select(u => u.Id).FirstAsync());
            var share = 7654m + Random.Shared.Next(100) / 100m;
            (await a.Head.PutAsJsonAsync($"/api/targets?period={period}", new
            {
                metric = "Signed",
                minimum = share + 1000m,
                target = share + 1000m,
                challenge = share + 1000m,
                people = new[] { new { personId = a.OwnerId, minimum = share, target = share, challenge = share }, new { personId = am1, minimum = 1000m, target = 1000m, challenge = 1000m } },
            })).EnsureSuccessStatusCode();
            return new(a.OwnerId.ToString(), share.ToString(System.Globalization.CultureInfo.InvariantCulture), $"/api/targets?period={period}", null, $"/api/targets/export?period={period}", a.Owner);
        },
        [typeof(Kam.Core.Targets.CreditSplit)] = async a =>
        {
            // A split of a payment's credit (and its reason) shows with the payment: to whoever sees the account.
            var (account, _) = await Account(a);
            var (order, _) = await PaymentData.Order(a.App, Guid.Parse(account), 1000m, PaymentData.Today.AddDays(20));
            var paid = await (await a.Owner.PostAsJsonAsync("/api/payments", new { orderId = order, amount = 300m, receivedOn = PaymentData.Today, method = "Cash" }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var reason = "分摊" + Short();
            var am1 = await a.App.Read(db => db.Users.Where(u => u.UserName == "am1").Select(u => u.Id).FirstAsync());
            var detail = $"/api/credit-splits?document=Payment&documentId={paid["id"]}";
            var split = await (await a.Head.PostAsJsonAsync("/api/credit-splits", new
            {
                document = "Payment",
                documentId = paid["id"],
                shares = new object[] { new { userId = a.OwnerId, percent = 60m }, new { userId = am1, percent = 40m } },
                reason,
                version = paid["version"],
            })).Ok<JsonObject>();
            return new((string)split["history"]![0]!["id"]!, reason, null, detail, null, a.Owner);
        },
        [typeof(Kam.Core.Plans.ActionPlan)] = async a =>
        {
            // An account manager's action plan shows to them and to the department's readers only.
            var month = $"{2060 + Random.Shared.Next(40)}-{1 + Random.Shared.Next(12):00}";
            var text = "行动" + Short();
            var plan = await (await a.Owner.PostAsJsonAsync("/api/action-plans", new { month, items = new[] { new { kind = "Action", text } } })).Ok<JsonObject>();
            var id = (string)plan["id"]!;
            return new(id, text, $"/api/action-plans?month={month}", $"/api/action-plans/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Expenses.ExpenseClaim)] = async a =>
        {
            // A claim shows to its claimant and the department's readers only.
            var title = "报销" + Short();
            var claim = await (await a.Owner.PostAsJsonAsync("/api/expense-claims", new { title, lines = new[] { Budgets.Line("office", 12.5m) } }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)claim["id"]!;
            return new(id, title, "/api/expense-claims?pageSize=200", $"/api/expense-claims/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Expenses.Budget)] = async a =>
        {
            // A budget shows to an account manager only through what it allocates to them.
            var note = "预算" + Short();
            var budget = await (await a.Assistant.PostAsJsonAsync("/api/budgets", new
            {
                year = 2100,
                note,
                categories = new[] { new { category = "travel", amount = 1200m, months = Budgets.Even(100m), people = new[] { new { personId = a.OwnerId, months = Budgets.Even(50m) } } } },
            })).Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)budget["id"]!;
            return new(id, note, "/api/budgets", $"/api/budgets/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Expenses.BudgetAdjustment)] = async a =>
        {
            // Adjustments are the department's bookkeeping: the assistant sees them with the budget, nobody else.
            var budget = await (await a.Assistant.PostAsJsonAsync("/api/budgets", new
            {
                year = 2099,
                categories = new[] { new { category = "travel", amount = 1200m, months = Budgets.Even(100m) } },
            })).Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)budget["id"]!;
            var submitted = await (await a.Assistant.PostAsJsonAsync($"/api/budgets/{id}/submit", new { })).Ok<JsonObject>();
            await Budgets.Approve(a.Head, (string)submitted["approvalId"]!);
            var reason = "调整" + Short();
            await (await a.Assistant.PostAsJsonAsync($"/api/budgets/{id}/adjustments", new { reason, lines = new[] { new { category = "travel", month = 5, delta = 10m } } }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            return new(id, reason, "/api/budgets", $"/api/budgets/{id}", null, a.Assistant);
        },
        [typeof(Kam.Core.Expenses.BudgetUsage)] = async a =>
        {
            // What a person spent of the budget shows to them and the department's readers.
            var claim = await (await a.Owner.PostAsJsonAsync("/api/expense-claims", new { title = "差旅", lines = new[] { Budgets.Line("office", 3.5m) } }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            await (await Budgets.Submit(a.Owner, claim, "办公用品")).Ok<JsonObject>();
            var id = a.OwnerId.ToString();
            return new(id, id, $"/api/budgets/execution?year={Budgets.Today.Year}&groupBy=person", null, null, a.Head);
        },
        [typeof(Kam.Core.Service.ServiceCase)] = async a =>
        {
            // A case shows with its account: its owner (the default handler) and the department see it.
            var (account, _) = await Account(a);
            var title = "投诉" + Short();
            var created = await (await a.Owner.PostAsJsonAsync("/api/cases", new { kind = "Complaint", accountId = account, channel = "Phone", category = "quality", severity = "Normal", title, description = "破损" }))
                .Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)created["id"]!;
            return new(id, title, "/api/cases?pageSize=200", $"/api/cases/{id}", $"/api/cases/export?search={Esc(title)}", a.Owner);
        },
        [typeof(Kam.Core.Service.FollowUp)] = async a =>
        {
            // A follow-up shows with its account.
            var (account, _) = await Account(a);
            var created = await (await a.Owner.PostAsJsonAsync("/api/follow-ups", new { accountId = account })).Ok<JsonObject>(HttpStatusCode.Created);
            var id = (string)created["id"]!;
            return new(id, id, $"/api/follow-ups?pageSize=200&account={account}", $"/api/follow-ups/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Appraisals.Appraisal)] = async a =>
        {
            // A sheet shows to its person and the department's readers only.
            var month = new DateOnly(2060 + Random.Shared.Next(40), 1 + Random.Shared.Next(12), 1);
            var scheme = new Kam.Core.Appraisals.AppraisalScheme { Name = "范围方案" + Short(), FromMonth = month, Revision = 100_000 + Random.Shared.Next(1_000_000), Definition = "{}", Status = Kam.Core.Appraisals.SchemeStatus.Approved };
            var sheet = new Kam.Core.Appraisals.Appraisal { PersonId = a.OwnerId, Month = month, SchemeId = scheme.Id, SelfAssessment = "自评" + Short() };
            await a.App.Change(db =>
            {
                db.Unscoped<Kam.Core.Appraisals.AppraisalScheme>().Add(scheme);
                db.Unscoped<Kam.Core.Appraisals.Appraisal>().Add(sheet);
                return Task.CompletedTask;
            });
            var id = sheet.Id.ToString();
            return new(id, sheet.SelfAssessment, $"/api/appraisals?period={month:yyyy-MM}", $"/api/appraisals/{id}", null, a.Owner);
        },
        [typeof(Kam.Core.Appraisals.RewardFault)] = async a =>
        {
            var report = new Kam.Core.Appraisals.RewardFault
            {
                PersonId = a.OwnerId,
                Kind = Kam.Core.Appraisals.RewardFaultKind.Reward,
                Month = new DateOnly(2026, 1, 1),
                OccurredOn = new DateOnly(2026, 1, 5),
                Title = "奖励" + Short(),
                Description = "签下大单",
                Points = 3,
                Status = Kam.Core.Appraisals.SchemeStatus.Approved,
            };
            await a.App.Change(db => db.Unscoped<Kam.Core.Appraisals.RewardFault>().AddAsync(report).AsTask());
            return new(report.Id.ToString(), report.Title, "/api/rewards-faults", null, null, a.Owner);
        },
        [typeof(Kam.Core.Commission.CommissionStatement)] = async a => (await Statement(a)).Placed,
        [typeof(Kam.Core.Commission.CommissionQuestion)] = async a =>
        {
            var (_, statement, url) = await Statement(a);
            var question = new Kam.Core.Commission.CommissionQuestion { StatementId = statement.Id, RunId = statement.RunId, PersonId = a.OwnerId, Text = "疑问" + Short() };
            await a.App.Change(db => db.Unscoped<Kam.Core.Commission.CommissionQuestion>().AddAsync(question).AsTask());
            return new(question.Id.ToString(), question.Text, null, url, null, a.Owner);
        },
        [typeof(Notification)] = async a =>
        {
            var title = "提醒" + Short();
            var notification = new Notification { UserId = a.OwnerId, Kind = "test", Key = "scope-" + Short(), Subject = title, CreatedAt = DateTimeOffset.UtcNow };
            await a.App.Change(db => db.Unscoped<Notification>().AddAsync(notification).AsTask());
            return new(notification.Id.ToString(), title, "/api/notifications?pageSize=100", null, null, a.Owner);
        },
    };

    /// <summary>Account-scoped records that are only ever shown with their account (the team on the account page, an
    /// agent's accounts), which the account's own case covers.</summary>
    private static readonly Type[] ShownWithTheirAccount = [typeof(Kam.Core.Accounts.AccountMember), typeof(Kam.Core.Channels.AgentAccount)];

    [Fact]
    public async Task Every_type_scoped_through_an_account_or_a_person_has_a_case_here()
    {
        var scoped = await app.Read(db => Task.FromResult(db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => DataScopes.Declared(t)!.Scope is Scope.Account or Scope.Person).ToList()));
        var missing = scoped.Except(Cases.Keys).Except(ShownWithTheirAccount).Select(t => t.Name).ToList();
        Assert.True(missing.Count == 0, $"add a case to DataScopeApiTests for: {string.Join(", ", missing)}");
    }

    public static TheoryData<string> CaseNames() => new(Cases.Keys.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Another_account_manager_finds_no_trace_of_the_record(string type)
    {
        var ownerName = await Users.Create(app, "scope");
        using var owner = await app.WithPassword(ownerName, Users.Password);
        var ownerId = Guid.Parse((string)(await (await owner.GetAsync("/api/me")).ReadJson())["id"]!);
        using var head = await app.As("head");
        using var assistant = await app.As("assistant");
        using var am2 = await app.As("am2");
        var placed = await Cases[Cases.Keys.Single(t => t.Name == type)](new Actors(app, owner, ownerId, head, assistant));

        if (placed.List is { } list)
        {
            Assert.Contains(placed.Id, await Body(placed.Sees, list));
            var response = await am2.GetAsync(list);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{list}: {response.StatusCode}");
            var seen = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(placed.Id, seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(placed.Marker, seen, StringComparison.Ordinal);
        }
        if (placed.Detail is { } detail)
        {
            Assert.Equal(HttpStatusCode.OK, (await placed.Sees.GetAsync(detail)).StatusCode);
            var response = await am2.GetAsync(detail);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{detail}: {response.StatusCode}");
            Assert.DoesNotContain(placed.Marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        if (placed.Export is { } export)
        {
            Assert.Contains(placed.Marker, await Cells(placed.Sees, export));
            Assert.DoesNotContain(placed.Marker, await Cells(am2, export));
        }
    }

    /// <summary>An approved run (of a far month) with a statement of the owner's: only they and the department read it.</summary>
    private static async Task<(Placed Placed, Kam.Core.Commission.CommissionStatement Statement, string Url)> Statement(Actors a)
    {
        var scheme = new Kam.Core.Commission.CommissionScheme { Name = "范围" + Short(), FromMonth = new DateOnly(2090, 1, 1), Revision = 100_000 + Random.Shared.Next(1_000_000), Definition = "{}" };
        var run = new Kam.Core.Commission.CommissionRun
        {
            Month = new DateOnly(2060 + Random.Shared.Next(40), 1 + Random.Shared.Next(12), 1),
            Number = 100 + Random.Shared.Next(1_000_000),
            SchemeId = scheme.Id,
            Status = Kam.Core.Commission.RunStatus.Approved,
        };
        var statement = new Kam.Core.Commission.CommissionStatement { RunId = run.Id, PersonId = a.OwnerId, Total = 7_000m + Random.Shared.Next(100_000) / 100m };
        await a.App.Change(db =>
        {
            db.Unscoped<Kam.Core.Commission.CommissionScheme>().Add(scheme);
            db.Unscoped<Kam.Core.Commission.CommissionRun>().Add(run);
            db.Unscoped<Kam.Core.Commission.CommissionStatement>().Add(statement);
            return Task.CompletedTask;
        });
        var url = $"/api/commission-runs/{run.Id}/statements/{a.OwnerId}";
        return (new(statement.Id.ToString(), statement.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), null, url, null, a.Owner), statement, url);
    }

    private static async Task<(string Id, string Name)> Account(Actors a)
    {
        var name = Accounts.UniqueName("范围");
        return ((string)(await Accounts.Create(a.Owner, name: name))["id"]!, name);
    }

    private static async Task<JsonNode> Order(Actors a)
    {
        var product = await Orders.Product(a.App, 80m);
        var (account, _) = await Account(a);
        return await Orders.Create(a.Owner, Guid.Parse(account), new { productId = product["id"], quantity = 3 });
    }

    private static async Task<string> Body(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>Every cell of an exported workbook, joined: what the person exporting takes away.</summary>
    private static async Task<string> Cells(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            return "";
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query().Cast<IDictionary<string, object?>>();
        return string.Join("\n", rows.Select(r => string.Join("\t", r.Values.Select(v => v?.ToString()))));
    }

    private static string Short() => Guid.NewGuid().ToString("N")[..8];

    private static string Esc(string s) => Uri.EscapeDataString(s);
}
