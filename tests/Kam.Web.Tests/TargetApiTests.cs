using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Accounts;
using Kam.Core.Contracts;
using Kam.Core.Notifications;
using Kam.Core.Targets;
using Kam.Core.Visits;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>
/// Targets (目标分解) and their progress: the head breaks a month's target down to people, the breakdown must add up,
/// the levels must be in order, a stale save is refused; account managers read their own; the actuals come from the
/// records, to the yuan, for the person credited when it happened.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class TargetApiTests(KamFactory app)
{
    private static DateOnly Today => PaymentData.Today;

    // Each test breaks down its own month far in the future: no other test's sheet is in the way.
    private static string FutureMonth() => $"{2060 + Random.Shared.Next(40)}-{1 + Random.Shared.Next(12):00}";

    private async Task<List<Guid>> Managers(HttpClient head, string period)
    {
        var breakdown = await (await head.GetAsync($"/api/targets?period={period}")).Ok<JsonObject>();
        return breakdown["sheets"]!.AsArray().First()!["people"]!.AsArray().Select(p => Guid.Parse((string)p!["person"]!["id"]!)).ToList();
    }

    private static object Sheet(string metric, decimal target, IEnumerable<(Guid Id, decimal Target)> people, Guid? version = null) => new
    {
        metric,
        version,
        minimum = target * 0.8m,
        target,
        challenge = target * 1.2m,
        people = people.Select(p => new { personId = p.Id, minimum = p.Target * 0.8m, target = p.Target, challenge = p.Target * 1.2m }).ToList(),
    };

    [Fact]
    public async Task The_head_breaks_a_months_collections_down_and_a_breakdown_that_does_not_add_up_is_refused_with_the_difference()
    {
        using var head = await app.As("head");
        var period = FutureMonth();
        var people = (await Managers(head, period)).Take(4).ToList();
        Assert.Equal(4, people.Count);

        var short1 = await (await head.PutAsJsonAsync($"/api/targets?period={period}", Sheet("Collected", 1_000_000m,
            people.Select((p, i) => (p, i == 0 ? 240_000m : 250_000m))))).Problem(HttpStatusCode.BadRequest);
        var message = (string)short1["errors"]!["people"]![0]!;
        Assert.Contains("10000", message.Replace(",", ""));
        var before = await (await head.GetAsync($"/api/targets?period={period}")).Ok<JsonObject>();
        Assert.Null(Collected(before)["version"]); // nothing was saved

        var saved = await (await head.PutAsJsonAsync($"/api/targets?period={period}", Sheet("Collected", 1_000_000m, people.Select(p => (p, 250_000m)))))
            .Ok<JsonObject>();
        var sheet = Collected(saved);
        Assert.Equal(1_000_000m, (decimal)sheet["department"]!["target"]!);
        Assert.Equal(0m, (decimal)sheet["difference"]!);
        Assert.Equal(250_000m, (decimal)sheet["people"]!.AsArray().Single(p => (string)p!["person"]!["id"]! == people[0].ToString())!["levels"]!["target"]!);

        // A second head's save over the version read before the first save: 409, and the first one stands.
        var stale = await head.PutAsJsonAsync($"/api/targets?period={period}", Sheet("Collected", 1_000_000m, people.Select(p => (p, 250_000m))));
        await stale.Problem(HttpStatusCode.Conflict);
        var version = Guid.Parse((string)sheet["version"]!);
        var moved = Sheet("Collected", 1_200_000m, people.Select((p, i) => (p, i == 0 ? 450_000m : 250_000m)), version);
        var again = Collected(await (await head.PutAsJsonAsync($"/api/targets?period={period}", moved)).Ok<JsonObject>());
        Assert.NotEqual(version, Guid.Parse((string)again["version"]!));
        await (await head.PutAsJsonAsync($"/api/targets?period={period}", moved)).Problem(HttpStatusCode.Conflict);

        // The quarter and the year are the sums of their months; saved, they are spread over them (a spread is asked for).
        var year = period[..4];
        var yearly = Collected(await (await head.GetAsync($"/api/targets?period={year}")).Ok<JsonObject>());
        var monthsOfYear = 0m;
        for (var m = 1; m <= 12; m++)
            monthsOfYear += (decimal)Collected(await (await head.GetAsync($"/api/targets?period={year}-{m:00}")).Ok<JsonObject>())["department"]!["target"]!;
        Assert.Equal(monthsOfYear, (decimal)yearly["department"]!["target"]!); // other tests may break down other months of the year
        Assert.True(monthsOfYear >= 1_200_000m);
        Assert.NotNull(yearly["version"]); // its months' versions together
        await (await head.PutAsJsonAsync($"/api/targets?period={year}", moved)).Problem(HttpStatusCode.BadRequest);

        // Every change is in the audit trail: the sheet's creation and its change, and the lines'.
        var month = Period.Parse(period)!.Start;
        var sheetId = await app.Read(db => db.Set<TargetSheet>().Where(s => s.Month == month && s.Metric == TargetMetric.Collected).Select(s => s.Id).SingleAsync());
        var trail = await app.Read(db => db.Set<Kam.Core.Audit.AuditEntry>().CountAsync(e => e.EntityType == nameof(TargetSheet) && e.EntityId == sheetId.ToString()));
        Assert.Equal(2, trail);
        var lineTrail = await app.Read(db => db.Set<Kam.Core.Audit.AuditEntry>().CountAsync(e => e.EntityType == nameof(TargetLine)));
        Assert.True(lineTrail >= 5, $"the lines' creation and the first person's change are audited ({lineTrail})");
    }

    [Fact]
    public async Task A_quarters_targets_are_spread_over_its_months_evenly_to_the_fen_and_a_stale_spread_gets_409()
    {
        using var head = await app.As("head");
        // Years of its own (2045–2059): no other test's breakdown is in the quarter.
        var quarter = $"{2045 + Random.Shared.Next(15)}-Q{1 + Random.Shared.Next(4)}";
        var people = (await Managers(head, quarter)).Take(2).ToList();
        object Body(Guid? version, string? spread) => new
        {
            metric = "Collected",
            version,
            spread,
            minimum = 90_000m,
            target = 100_000.01m,
            challenge = 120_000m,
            people = new[]
            {
                new { personId = people[0], minimum = 50_000m, target = 60_000.01m, challenge = 70_000m },
                new { personId = people[1], minimum = 40_000m, target = 40_000m, challenge = 50_000m },
            },
        };
        var missing = await (await head.PutAsJsonAsync($"/api/targets?period={quarter}", Body(null, null))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(missing["errors"]!["spread"]);

        var spread = Collected(await (await head.PutAsJsonAsync($"/api/targets?period={quarter}", Body(null, "Even"))).Ok<JsonObject>());
        Assert.Equal(100_000.01m, (decimal)spread["department"]!["target"]!);
        Assert.Equal(0m, (decimal)spread["difference"]!);
        Assert.NotNull((string?)spread["version"]);
        var start = Period.Parse(quarter)!.Start;
        var months = new List<decimal>();
        var (minimums, challenges) = (0m, 0m);
        for (var i = 0; i < 3; i++)
        {
            var month = Collected(await (await head.GetAsync($"/api/targets?period={Period.MonthOf(start.AddMonths(i))}")).Ok<JsonObject>());
            Assert.Equal(0m, (decimal)month["difference"]!); // every month adds up
            months.Add((decimal)month["department"]!["target"]!);
            minimums += (decimal)month["department"]!["minimum"]!;
            challenges += (decimal)month["department"]!["challenge"]!;
            Assert.True((decimal)month["department"]!["minimum"]! <= (decimal)month["department"]!["target"]!);
        }
        Assert.Equal((90_000m, 120_000m), (minimums, challenges)); // the quarter shows what the head entered
        Assert.Equal([33_333.35m, 33_333.33m, 33_333.33m], months);
        // The quarter's progress has the department's trend by month, each month's target as spread.
        var progress = await (await head.GetAsync($"/api/targets/progress?period={quarter}")).Ok<JsonObject>();
        var trend = progress["metrics"]!.AsArray().Single(m => (string)m!["metric"]! == "Collected")!["months"]!.AsArray();
        Assert.Equal(months, trend.Select(m => (decimal)m!["target"]!).ToList());
        Assert.Empty(progress["metrics"]!.AsArray().Single(m => (string)m!["metric"]! == "ATierCoverage")!["months"]!.AsArray());

        // The quarter's version is its months': a save over an older one is stale.
        await (await head.PutAsJsonAsync($"/api/targets?period={quarter}", Body(null, "Even"))).Problem(HttpStatusCode.Conflict);
        var again = Collected(await (await head.PutAsJsonAsync($"/api/targets?period={quarter}", Body(Guid.Parse((string)spread["version"]!), "LastYear"))).Ok<JsonObject>());
        Assert.Equal(100_000.01m, (decimal)again["department"]!["target"]!); // no actuals a year before: evenly again
        await (await head.PutAsJsonAsync($"/api/targets?period={quarter}", Body(Guid.Parse((string)spread["version"]!), "Even"))).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public void A_spread_by_weights_is_exact_with_the_rest_on_the_heaviest_month()
    {
        Assert.Equal([10m, 60m, 30m], SetTargets.Divide(100m, [1m, 6m, 3m], 1m));
        Assert.Equal([0.34m, 0.33m, 0.33m], SetTargets.Divide(1m, [1m, 1m, 1m], 0.01m));
        Assert.Equal([3m, 4m], SetTargets.Divide(7m, [1m, 1.2m], 1m));
    }

    private static JsonNode Collected(JsonNode breakdown) => breakdown["sheets"]!.AsArray().Single(s => (string)s!["metric"]! == "Collected")!;

    [Fact]
    public async Task Levels_out_of_order_and_bad_values_are_refused_on_their_fields()
    {
        using var head = await app.As("head");
        var period = FutureMonth();
        var person = (await Managers(head, period))[0];
        var bad = await (await head.PutAsJsonAsync($"/api/targets?period={period}", new
        {
            metric = "Visits",
            minimum = 50m,
            target = 40m,
            challenge = 30m,
            people = new[] { new { personId = person, minimum = 1.5m, target = (decimal?)null, challenge = 2m } },
        })).Problem(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!.AsObject();
        Assert.Equal("保底不能高于目标", (string?)errors["minimum"]![0]);
        Assert.Equal("挑战不能低于目标", (string?)errors["challenge"]![0]);
        Assert.NotNull(errors["people[0].minimum"]); // visits are whole numbers
        Assert.NotNull(errors["people[0].target"]);
        var coverage = await (await head.PutAsJsonAsync($"/api/targets?period={period}", new { metric = "ATierCoverage", minimum = 80m, target = 90m, challenge = 120m, people = Array.Empty<object>() }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(coverage["errors"]!["challenge"]);
        await (await head.PutAsJsonAsync("/api/targets?period=2026-13", new { metric = "Visits", minimum = 1m, target = 1m, challenge = 1m })).Problem(HttpStatusCode.BadRequest);
        await (await head.GetAsync("/api/targets/progress?period=nonsense")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_account_manager_cannot_set_targets_and_reads_only_their_own_and_the_departments()
    {
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var period = FutureMonth();
        var people = await Managers(head, period);
        var am1Id = await app.Read(db => db.Users.Where(u => u.UserName == "am1").Select(u => u.Id).FirstAsync());
        var am2Id = await app.Read(db => db.Users.Where(u => u.UserName == "am2").Select(u => u.Id).FirstAsync());
        var split = people.Select(p => (p, p == am1Id ? 30m : p == am2Id ? 70m : 0m)).ToList();
        (await head.PutAsJsonAsync($"/api/targets?period={period}", Sheet("Visits", 100m, split))).EnsureSuccessStatusCode();

        await (await am1.PutAsJsonAsync($"/api/targets?period={period}", Sheet("Visits", 100m, split))).Problem(HttpStatusCode.Forbidden);
        var mine = Visits(await (await am1.GetAsync($"/api/targets?period={period}")).Ok<JsonObject>());
        var line = Assert.Single(mine["people"]!.AsArray());
        Assert.Equal(am1Id.ToString(), (string)line!["person"]!["id"]!);
        Assert.Equal(30m, (decimal)line["levels"]!["target"]!);
        Assert.Equal(100m, (decimal)mine["department"]!["target"]!); // the department's total, not the others' shares
        await (await am1.GetAsync($"/api/targets/progress?period={period}&userId={am2Id}")).Problem(HttpStatusCode.NotFound);
        var progress = await (await am1.GetAsync($"/api/targets/progress?period={period}")).Ok<JsonObject>();
        Assert.False((bool)progress["showsRanking"]!);
        Assert.Single(progress["metrics"]!.AsArray()[0]!["people"]!.AsArray());
        // The breakdown's workbook: the department's rows and their own, nobody else's.
        var sheet = await (await am1.GetAsync($"/api/targets/breakdown/export?period={period}")).Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(sheet))
        {
            var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(Kam.Core.Targets.TargetMetrics.All.Count * 2, rows.Count);
            Assert.Contains(rows, r => Equals(r["目标"], 30d) || Equals(r["目标"], 30m));
            Assert.DoesNotContain(rows, r => Equals(r["目标"], 70d) || Equals(r["目标"], 70m));
        }
        await (await am1.PutAsJsonAsync("/api/targets/settings", new { showRankingToManagers = true })).Problem(HttpStatusCode.Forbidden);
    }

    private static JsonNode Visits(JsonNode breakdown) => breakdown["sheets"]!.AsArray().Single(s => (string)s!["metric"]! == "Visits")!;

    [Fact]
    public async Task The_actuals_move_by_exactly_each_record_for_the_person_credited_and_stay_after_a_handover()
    {
        var userName = await Users.Create(app, "tgt");
        using var am = await app.WithPassword(userName, Users.Password);
        using var head = await app.As("head");
        var amId = await app.Read(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());
        var month = Period.MonthOf(Today).ToString();
        async Task<Dictionary<string, decimal>> Actuals(HttpClient client, Guid person)
        {
            var progress = await (await client.GetAsync($"/api/targets/progress?period={month}&userId={person}")).Ok<JsonObject>();
            return progress["metrics"]!.AsArray().ToDictionary(m => (string)m!["metric"]!,
                m => (decimal)m!["people"]!.AsArray().Single()!["figure"]!["actual"]!);
        }
        var before = await Actuals(am, amId);
        Assert.All(before.Values, v => Assert.Equal(0m, v));
        var departmentBefore = await DepartmentActual(head, month, "Collected");

        var accountId = await PaymentData.AccountOf(am);
        await app.Change(async db =>
        {
            db.Unscoped<Contract>().Add(new Contract
            {
                Number = "TG-" + Guid.NewGuid().ToString("N")[..10],
                Kind = ContractKind.Purchase,
                AccountId = accountId,
                Title = "目标合同",
                Amount = 88_000.5m,
                EffectiveAmount = 88_000.5m,
                StartOn = Today,
                EndOn = Today.AddYears(1),
                EffectiveEndOn = Today.AddYears(1),
                Status = ContractStatus.Signed,
                SignedOn = Today,
                OwnerId = amId,
                DrafterId = amId,
            });
            var a = await db.Unscoped<Account>().FirstAsync(x => x.Id == accountId);
            a.Tier = AccountTier.A;
            db.Unscoped<Visit>().Add(new Visit { AccountId = accountId, UserId = amId, Date = Today, At = DateTimeOffset.UtcNow, Status = VisitStatus.Done, Purpose = "目标拜访" });
            db.Unscoped<Visit>().Add(new Visit { AccountId = accountId, UserId = amId, Date = Today, At = DateTimeOffset.UtcNow, Status = VisitStatus.Done, Purpose = "目标拜访二" });
        });
        (await am.PostAsJsonAsync("/api/opportunities", new { accountId, name = "目标项目", expectedAmount = 66_600.66m, stage = "needs" }))
            .EnsureSuccessStatusCode();
        var (orderId, instalmentId) = await PaymentData.Order(app, accountId, 12_345.67m, Today.AddDays(20));
        var paid = await (await am.PostAsJsonAsync("/api/payments", new { instalmentId, amount = 1_000.01m, receivedOn = Today, method = "BankTransfer" }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var wrong = await (await am.PostAsJsonAsync("/api/payments", new { instalmentId, amount = 300m, receivedOn = Today, method = "Cash" }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        (await am.PostAsJsonAsync($"/api/payments/{wrong["id"]}/reverse", new { reason = "录错", version = wrong["version"] })).EnsureSuccessStatusCode();

        var after = await Actuals(am, amId);
        Assert.Equal(88_000.5m, after["Signed"]);
        Assert.Equal(12_345.67m, after["Ordered"]);
        Assert.Equal(1_000.01m, after["Collected"]);
        Assert.Equal(2m, after["Visits"]);
        Assert.Equal(100m, after["ATierCoverage"]);
        Assert.Equal(1m, after["NewAccounts"]); // created active this month
        Assert.Equal(66_600.66m, after["NewOpportunityAmount"]);
        Assert.Equal(departmentBefore + 1_000.01m, await DepartmentActual(head, month, "Collected"));
        Assert.NotNull(paid["id"]);
        Assert.NotEqual(Guid.Empty, orderId);

        // The drill-down lists the records behind each figure: those credited to the person in the month.
        async Task<JsonArray> Drill(string list) =>
            (await (await head.GetAsync($"/api/{list}?credited={amId}&creditPeriod={month}&pageSize=100")).Ok<JsonObject>())["items"]!.AsArray();
        Assert.Equal(88_000.5m, (decimal)Assert.Single(await Drill("contracts"))!["amount"]!);
        Assert.Equal(12_345.67m, (decimal)Assert.Single(await Drill("orders"))!["total"]!);
        Assert.Equal(1_000.01m, (await Drill("payments")).Where(p => p!["reversedAt"] is null).Sum(p => (decimal)p!["amount"]!));
        Assert.Equal(66_600.66m, (decimal)Assert.Single(await Drill("opportunities"))!["expectedAmount"]!);
        Assert.Equal(accountId.ToString(), (string)Assert.Single(await Drill("accounts"))!["id"]!);
        Assert.Empty((await (await head.GetAsync($"/api/contracts?credited={amId}&creditPeriod=2001-01")).Ok<JsonObject>())["items"]!.AsArray());

        // Handing the accounts over moves the work, not the past figures.
        var receiver = await Users.Create(app, "tgr");
        var receiverId = await app.Read(db => db.Users.Where(u => u.UserName == receiver).Select(u => u.Id).FirstAsync());
        (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = amId, toUserId = receiverId, note = "调岗" })).EnsureSuccessStatusCode();
        var kept = await Actuals(head, amId);
        Assert.Equal(88_000.5m, kept["Signed"]);
        Assert.Equal(1_000.01m, kept["Collected"]);
        Assert.Equal(1m, kept["NewAccounts"]);
        Assert.Equal(66_600.66m, kept["NewOpportunityAmount"]);
        var moved = await Actuals(head, receiverId);
        Assert.Equal(0m, moved["Collected"]);
        Assert.Equal(0m, moved["NewAccounts"]);
        Assert.Equal(100m, moved["ATierCoverage"]); // the A account (and its visit this month) is the receiver's now
    }

    /// <summary>Adds one person's line (target; 保底 80%, 挑战 120%) to a month's breakdown of a metric, whatever it holds already.</summary>
    private static async Task AddLine(HttpClient head, string period, string metric, Guid person, decimal target)
    {
        var breakdown = await (await head.GetAsync($"/api/targets?period={period}")).Ok<JsonObject>();
        var sheet = breakdown["sheets"]!.AsArray().Single(s => (string)s!["metric"]! == metric)!;
        var levels = (JsonNode l, string name) => (decimal)l[name]!;
        var people = sheet["people"]!.AsArray()
            .Select(p => new { personId = Guid.Parse((string)p!["person"]!["id"]!), minimum = levels(p["levels"]!, "minimum"), target = levels(p["levels"]!, "target"), challenge = levels(p["levels"]!, "challenge") })
            .Where(p => p.personId != person)
            .Append(new { personId = person, minimum = target * 0.8m, target, challenge = target * 1.2m }).ToList();
        (await head.PutAsJsonAsync($"/api/targets?period={period}", new
        {
            metric,
            version = (string?)sheet["version"],
            minimum = people.Sum(p => p.minimum),
            target = people.Sum(p => p.target),
            challenge = people.Sum(p => p.challenge),
            people,
        })).EnsureSuccessStatusCode();
    }

    private static async Task<decimal[]> LevelsOf(HttpClient head, string period, string metric, Guid person)
    {
        var breakdown = await (await head.GetAsync($"/api/targets?period={period}")).Ok<JsonObject>();
        var sheet = breakdown["sheets"]!.AsArray().Single(s => (string)s!["metric"]! == metric)!;
        Assert.Equal(0m, (decimal)sheet["difference"]!); // the breakdown still adds up
        var line = sheet["people"]!.AsArray().SingleOrDefault(p => (string)p!["person"]!["id"]! == person.ToString());
        return line is null ? [0m, 0m, 0m] : new[] { "minimum", "target", "challenge" }.Select(n => (decimal)line["levels"]![n]!).ToArray();
    }

    [Fact]
    public async Task A_handover_moves_what_the_leaver_has_not_reached_of_this_and_later_months_when_the_head_says_so()
    {
        var leaver = await Users.Create(app, "lvr");
        var receiver = await Users.Create(app, "rcv");
        var (leaverId, receiverId) = await app.Read(async db => (
            await db.Users.Where(u => u.UserName == leaver).Select(u => u.Id).FirstAsync(),
            await db.Users.Where(u => u.UserName == receiver).Select(u => u.Id).FirstAsync()));
        using var head = await app.As("head");
        using var am = await app.WithPassword(leaver, Users.Password);
        var (month, next) = (Period.MonthOf(Today).ToString(), Period.MonthOf(Today.AddMonths(1)).ToString());
        await AddLine(head, month, "NewOpportunityAmount", leaverId, 10_000m);
        await AddLine(head, next, "NewOpportunityAmount", leaverId, 5_000m);
        var accountId = await PaymentData.AccountOf(am);
        (await am.PostAsJsonAsync("/api/opportunities", new { accountId, name = "移交前商机", expectedAmount = 3_000m, stage = "needs" })).EnsureSuccessStatusCode();

        // The preview names the unmet targets; leaving them out moves everything else only.
        var preview = await (await head.GetAsync($"/api/handovers/preview?fromUserId={leaverId}&toUserId={receiverId}")).Ok<JsonObject>();
        var line = preview["lines"]!.AsArray().Single(l => (string)l!["kind"]! == "handover.targets")!;
        Assert.Equal((2, true), ((int)line["count"]!, (bool)line["optional"]!));
        Assert.Contains(line["items"]!.AsArray(), i => ((string)i!).Contains("7,000.00", StringComparison.Ordinal));

        (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = receiverId, note = "调岗", skip = new[] { "handover.targets" } }))
            .EnsureSuccessStatusCode();
        Assert.Equal([8_000m, 10_000m, 12_000m], await LevelsOf(head, month, "NewOpportunityAmount", leaverId));

        // Asked again (there is nothing else left to move), the targets go: the leaver keeps what they reached this month.
        (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = receiverId, note = "离职" })).EnsureSuccessStatusCode();
        Assert.Equal([3_000m, 3_000m, 3_000m], await LevelsOf(head, month, "NewOpportunityAmount", leaverId));
        Assert.Equal([5_000m, 7_000m, 9_000m], await LevelsOf(head, month, "NewOpportunityAmount", receiverId));
        Assert.Equal([0m, 0m, 0m], await LevelsOf(head, next, "NewOpportunityAmount", leaverId));
        Assert.Equal([4_000m, 5_000m, 6_000m], await LevelsOf(head, next, "NewOpportunityAmount", receiverId));
    }

    private static async Task<decimal> DepartmentActual(HttpClient head, string month, string metric)
    {
        var progress = await (await head.GetAsync($"/api/targets/progress?period={month}")).Ok<JsonObject>();
        return (decimal)progress["metrics"]!.AsArray().Single(m => (string)m!["metric"]! == metric)!["department"]!["actual"]!;
    }
}

/// <summary>The target reminders of a month, on a fake clock: behind schedule from the 16th, reached and beaten, each once.</summary>
[Collection(ApiCollection.Name)]
public sealed class TargetReminderTests(KamFactory app)
{
    [Fact]
    public async Task A_person_behind_is_told_after_mid_month_the_head_counts_them_and_a_beaten_challenge_is_announced_once()
    {
        // Long before the other reminder and e-mail tests' clocks (2031, 2032): these notifications are old news to them.
        var month = new DateOnly(2029, 3, 1);
        var period = "2029-03";
        var slow = await Users.Create(app, "slow");
        var fast = await Users.Create(app, "fast");
        var (slowId, fastId, headId) = await app.Read(async db => (
            await db.Users.Where(u => u.UserName == slow).Select(u => u.Id).FirstAsync(),
            await db.Users.Where(u => u.UserName == fast).Select(u => u.Id).FirstAsync(),
            await db.Users.Where(u => u.UserName == "head").Select(u => u.Id).FirstAsync()));
        using var head = await app.As("head");
        (await head.PutAsJsonAsync($"/api/targets?period={period}", new
        {
            metric = "Collected",
            minimum = 800_000m,
            target = 1_000_000m,
            challenge = 1_200_000m,
            people = new[] { new { personId = slowId, minimum = 800_000m, target = 1_000_000m, challenge = 1_200_000m } },
        })).EnsureSuccessStatusCode();
        (await head.PutAsJsonAsync($"/api/targets?period={period}", new
        {
            metric = "Visits",
            minimum = 8m,
            target = 10m,
            challenge = 12m,
            people = new[] { new { personId = fastId, minimum = 8m, target = 10m, challenge = 12m } },
        })).EnsureSuccessStatusCode();
        using var fastClient = await app.WithPassword(fast, Users.Password);
        var accountId = await PaymentData.AccountOf(fastClient);
        await app.Change(db =>
        {
            for (var i = 0; i < 12; i++)
                db.Unscoped<Visit>().Add(new Visit { AccountId = accountId, UserId = fastId, Date = month.AddDays(i), At = DateTimeOffset.UtcNow, Status = VisitStatus.Done, Purpose = "月度拜访" });
            return Task.CompletedTask;
        });

        // Before the 16th nobody is behind yet; the beaten challenge is announced at once.
        await using (var s = new SystemScope(app))
            await s.Reminders(SystemScope.At(month.AddDays(12), 9, 15)).RunAsync();
        Assert.Empty(await Sent(slowId, "target_behind:"));
        var beaten = Assert.Single(await Sent(fastId, "target_challenge:"));
        Assert.Equal((NotificationKinds.TargetChallenge, $"/targets?period={period}"), (beaten.Kind, beaten.Link));
        Assert.Single(await Sent(headId, $"target_challenge:Visits:{period}:{fastId}"));

        Kam.Core.Notifications.ReminderRun first, second;
        await using (var s = new SystemScope(app))
            first = await s.Reminders(SystemScope.At(month.AddDays(19), 9, 15)).RunAsync();
        await using (var s = new SystemScope(app))
            second = await s.Reminders(SystemScope.At(month.AddDays(19), 9, 30)).RunAsync();
        Assert.True(first.Targets >= 2, first.ToString());
        Assert.Equal(0, second.Targets);
        var behind = Assert.Single(await Sent(slowId, "target_behind:"));
        Assert.Equal($"target_behind:Collected:{period}", behind.Key);
        var team = Assert.Single(await Sent(headId, $"target_behind_team:Collected:{period}"));
        Assert.Equal("Collected|1", team.Subject);
        Assert.Single(await Sent(fastId, "target_challenge:")); // still once
    }

    private Task<List<Notification>> Sent(Guid userId, string keyStart) =>
        app.Read(db => db.Unscoped<Notification>().Where(n => n.UserId == userId && n.Key.StartsWith(keyStart)).ToListAsync());
}
