using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Appraisals;
using Kam.Core.DailyReports;
using Kam.Core.Expenses;
using Kam.Core.Payments;
using Kam.Core.Targets;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>
/// The monthly appraisal (月度考核): schemes drafted by the head and approved by the executive, sheets computed from the
/// records, the person's own part and the head's, publication, confirmation, appeal and its answer. Each test appraises
/// a month of its own far from the demo's, under a scheme that starts in that month.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AppraisalApiTests(KamFactory app)
{
    private static JsonObject Indicator(string code, string name, string source, int weight, string? metric = null, object? rule = null) => new()
    {
        ["code"] = code,
        ["name"] = name,
        ["source"] = source,
        ["weight"] = weight,
        ["metric"] = metric,
        ["rule"] = rule is null ? null : JsonSerializer(rule),
    };

    private static JsonNode JsonSerializer(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, Json.Options)!;

    private static JsonObject Scheme(string month, params JsonObject[] indicators) => new()
    {
        ["name"] = "外勤月度考核 " + month,
        ["role"] = "AccountManager",
        ["fromMonth"] = month,
        ["definition"] = new JsonObject
        {
            ["indicators"] = new JsonArray(indicators),
            ["grades"] = JsonSerializer(new[] { new { grade = "A", minScore = 90, coefficient = 1.2 }, new { grade = "B", minScore = 75, coefficient = 1.0 },
                new { grade = "C", minScore = 60, coefficient = 0.8 }, new { grade = "D", minScore = 0, coefficient = 0.5 } }),
            ["bonusCap"] = 10,
            ["deductionCap"] = 20,
            ["appealDays"] = 5,
            ["topGradeMaxPercent"] = 20,
        },
    };

    /// <summary>The head drafts the scheme, the executive approves it: returns its id.</summary>
    private async Task<string> ApprovedScheme(JsonObject body)
    {
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        var scheme = await (await head.PostAsJsonAsync("/api/appraisal-schemes", body)).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)scheme["id"]!;
        var submitted = await (await head.PostAsJsonAsync($"/api/appraisal-schemes/{id}/submit", new { version = scheme["version"] })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)submitted["status"]);
        (await exec.PostAsJsonAsync($"/api/approvals/{submitted["approvalId"]}/approve", new { comment = "同意" })).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task A_scheme_needs_weights_summing_to_100_is_drafted_by_the_head_approved_by_the_executive_and_locked()
    {
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var bad = Scheme("2030-01", Indicator("collected", "回款达成率", "Target", 60, "Collected", new { kind = "Ratio", ceiling = 100, cap = 120 }),
            Indicator("attitude", "工作态度", "Rated", 30));
        var problem = await (await head.PostAsJsonAsync("/api/appraisal-schemes", bad)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["definition.indicators"]);
        var noMetric = Scheme("2030-01", Indicator("signed", "签约", "Target", 70), Indicator("attitude", "工作态度", "Rated", 30));
        Assert.NotNull((await (await head.PostAsJsonAsync("/api/appraisal-schemes", noMetric)).Problem(HttpStatusCode.BadRequest))["errors"]!["definition.indicators[0].metric"]);

        var good = Scheme("2030-01", Indicator("collected", "回款达成率", "Target", 70, "Collected", new { kind = "Ratio", ceiling = 100, cap = 120 }),
            Indicator("attitude", "工作态度", "Rated", 30));
        await (await am1.PostAsJsonAsync("/api/appraisal-schemes", good)).Problem(HttpStatusCode.Forbidden);
        var id = await ApprovedScheme(good);
        var approved = await (await am1.GetAsync($"/api/appraisal-schemes/{id}")).Ok<JsonObject>();
        Assert.Equal("Approved", (string?)approved["status"]);
        Assert.Equal(70, (int)approved["definition"]!["indicators"]![0]!["weight"]!);
        (await head.PutAsJsonAsync($"/api/appraisal-schemes/{id}", good.DeepClone().AsObject().Also(o => o["version"] = approved["version"]!.DeepClone())))
            .StatusCode.Is(HttpStatusCode.Conflict);
        var revision = await (await head.PostAsJsonAsync($"/api/appraisal-schemes/{id}/revise", new { })).Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal(("Draft", (string)approved["role"]!), ((string?)revision["status"], (string?)revision["role"]));
        Assert.True((int)revision["revision"]! > (int)approved["revision"]!);
    }

    [Fact]
    public async Task A_fresh_persons_sheet_is_computed_exactly_rated_by_the_head_published_appealed_and_answered()
    {
        const string period = "2030-03";
        var month = new DateOnly(2030, 3, 1);
        await ApprovedScheme(Scheme(period,
            Indicator("collected", "回款达成率", "Target", 40, "Collected", new { kind = "Ratio", ceiling = 100, cap = 120 }),
            Indicator("reports", "日报提交率", "DailyReports", 20, rule: new { kind = "Linear", floor = 0, ceiling = 100 }),
            Indicator("expenses", "费用合规率", "ExpensesWithinStandard", 10, rule: new { kind = "Table", bands = new[] { new { from = 0, score = 0 }, new { from = 50, score = 60 }, new { from = 100, score = 100 } } }),
            Indicator("cases", "投诉按时解决率", "CasesOnTime", 10, rule: new { kind = "Linear", floor = 50, ceiling = 100 }),
            Indicator("attitude", "工作态度", "Rated", 20)));

        var userName = await Users.Create(app, "kpi");
        using var am = await app.WithPassword(userName, Users.Password);
        var me = Guid.Parse((string)(await (await am.GetAsync("/api/me")).ReadJson())["id"]!);
        var account = await PaymentData.AccountOf(am);
        // March 2030: 90,000.00 collected against a 100,000.00 target; 14 daily reports of 21 working days; two claims, one
        // with a warning; no complaint at all.
        var (_, instalment) = await PaymentData.Order(app, account, 90_000m, new DateOnly(2030, 3, 31));
        await using (var scope = await SystemScope.As(app, userName))
        {
            var paid = await scope.Build<RecordPayment>(SystemScope.At(new DateOnly(2030, 3, 10), 10))
                .Create(new PaymentInput { InstalmentId = instalment, ReceivedOn = new DateOnly(2030, 3, 10), Amount = 90_000m, Method = PaymentMethod.BankTransfer });
            Assert.True(paid.IsSuccess, paid.Error?.Code);
        }
        await app.Change(db =>
        {
            var sheet = new TargetSheet { Month = month, Metric = TargetMetric.Collected, Minimum = 100_000m, Target = 100_000m, Challenge = 100_000m };
            db.Unscoped<TargetSheet>().Add(sheet);
            db.Unscoped<TargetLine>().Add(new TargetLine { SheetId = sheet.Id, PersonId = me, Minimum = 100_000m, Target = 100_000m, Challenge = 100_000m });
            for (var day = 1; day <= 20; day++)
            {
                var date = month.AddDays(day - 1);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    continue;
                db.Unscoped<DailyReport>().Add(new DailyReport { UserId = me, Date = date, Status = DailyReportStatus.Submitted, SubmittedAt = DateTimeOffset.UtcNow });
            }
            db.Unscoped<DailyReport>().Add(new DailyReport { UserId = me, Date = month.AddDays(25), Status = DailyReportStatus.Draft });
            var submitted = new DateTimeOffset(2030, 3, 12, 2, 0, 0, TimeSpan.Zero);
            db.Unscoped<ExpenseClaim>().Add(new ExpenseClaim { Number = "BX-T-" + Guid.NewGuid().ToString("N")[..10], ClaimantId = me, Title = "差旅", Status = ClaimStatus.Submitted, Total = 300m, SubmittedAt = submitted });
            db.Unscoped<ExpenseClaim>().Add(new ExpenseClaim { Number = "BX-T-" + Guid.NewGuid().ToString("N")[..10], ClaimantId = me, Title = "招待", Status = ClaimStatus.Approved, Total = 900m, SubmittedAt = submitted, Warnings = "expense.warn_no_visit|1" });
            return Task.CompletedTask;
        });

        // Before the month is over nothing opens; on 2 April it does.
        await using (var scope = await SystemScope.As(app, "head"))
        {
            var early = await scope.Build<OpenAppraisals>(SystemScope.At(new DateOnly(2030, 3, 31), 18)).Handle(period);
            Assert.Equal("appraisal.month_not_over", early.Error?.Code);
            var opened = await scope.Build<OpenAppraisals>(SystemScope.At(new DateOnly(2030, 4, 2), 9)).Handle(period);
            Assert.True(opened.IsSuccess, opened.Error?.Code);
        }
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        using var am1 = await app.As("am1");
        var monthView = await (await head.GetAsync($"/api/appraisals?period={period}")).Ok<JsonObject>();
        var mine = monthView["rows"]!.AsArray().Single(r => (Guid)r!["personId"]! == me)!;
        var id = (string)mine["id"]!;
        var sheet = await (await head.GetAsync($"/api/appraisals/{id}")).Ok<JsonObject>();
        decimal? Value(JsonNode s, string code) => (decimal?)Line(s, code)["item"]!["value"];
        decimal? Score(JsonNode s, string code) => (decimal?)Line(s, code)["item"]!["score"];
        Assert.Equal((90.0m, 90.0m), (Value(sheet, "collected"), Score(sheet, "collected")));           // 90,000 / 100,000; ratio to 100
        Assert.Equal((90_000m, 100_000m), ((decimal)Line(sheet, "collected")["item"]!["actual"]!, (decimal)Line(sheet, "collected")["item"]!["of"]!));
        Assert.Equal((66.7m, 66.7m), (Value(sheet, "reports"), Score(sheet, "reports")));               // 14 of 21 working days
        Assert.Equal((50.0m, 60m), (Value(sheet, "expenses"), Score(sheet, "expenses")));               // 1 of 2 clean: the 50 band
        Assert.Null(Value(sheet, "cases"));                                                               // no complaint: not counted
        Assert.Null(sheet["total"]);                                                                      // the rated one is open

        // The person writes their own part, cannot rate, and sees no one else's sheet; another manager cannot see theirs.
        await (await am.PutAsJsonAsync($"/api/appraisals/{id}", new { version = sheet["version"], ratings = new[] { new { code = "attitude", score = 100, comment = "我很好" } } }))
            .Problem(HttpStatusCode.Forbidden);
        var written = await (await am.PutAsJsonAsync($"/api/appraisals/{id}", new { version = sheet["version"], selfAssessment = "本月回款接近目标", suggestions = "日报指标应扣除出差日" }))
            .Ok<JsonObject>();
        Assert.Equal("本月回款接近目标", (string?)written["selfAssessment"]);
        await (await am1.GetAsync($"/api/appraisals/{id}")).Problem(HttpStatusCode.NotFound);
        var am1Id = Guid.Parse((string)(await (await am1.GetAsync("/api/me")).ReadJson())["id"]!);
        var am1Row = monthView["rows"]!.AsArray().Single(r => (Guid)r!["personId"]! == am1Id)!;
        await (await am.GetAsync($"/api/appraisals/{am1Row["id"]}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(me.ToString(), await (await am1.GetAsync($"/api/appraisals?period={period}")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // A reward of 3 points, approved by the executive, counts in the sheet.
        var reward = await (await head.PostAsJsonAsync("/api/rewards-faults", new { personId = me, kind = "Reward", period, occurredOn = "2026-01-05", title = "拿下年度框架协议", description = "独立谈成", points = 3 }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var approval = await app.Read(db => db.Unscoped<RewardFault>().Where(r => r.Id == (Guid)reward["id"]!).Select(r => r.ApprovalId).SingleAsync());
        (await exec.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { comment = "同意" })).EnsureSuccessStatusCode();

        // The head rates: a rating needs its comment; then the total is the weighted average over what applied, plus the bonus.
        sheet = await (await head.GetAsync($"/api/appraisals/{id}")).Ok<JsonObject>();
        Assert.Equal(3m, (decimal)sheet["bonus"]!);
        var noComment = await (await head.PutAsJsonAsync($"/api/appraisals/{id}", new { version = sheet["version"], ratings = new[] { new { code = "attitude", score = 80 } } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noComment["errors"]!["ratings[0].comment"]);
        await (await head.PostAsJsonAsync($"/api/appraisals/periods/{period}/submit", new { })).Problem(HttpStatusCode.Conflict);
        sheet = await (await head.PutAsJsonAsync($"/api/appraisals/{id}", new { version = sheet["version"], ratings = new[] { new { code = "attitude", score = 80, comment = "主动跟进客户" } }, headComment = "继续保持" }))
            .Ok<JsonObject>();
        // (40×90 + 20×66.7 + 10×60 + 20×80) ÷ 90 = 7,134 ÷ 90 = 79.2667 → 79.27, + 3 = 82.27: B, 1.0.
        Assert.Equal((82.27m, "B", 1.0m), ((decimal)sheet["total"]!, (string?)sheet["grade"], (decimal)sheet["coefficient"]!));

        // Before publication the person sees their figures, not the head's scores.
        var early2 = await (await am.GetAsync($"/api/appraisals/{id}")).Ok<JsonObject>();
        Assert.Null(early2["total"]);
        Assert.Null(Score(early2, "attitude"));
        Assert.Equal(90.0m, Score(early2, "collected"));

        // Every other sheet of the month rated, the head submits, the executive approves: published.
        foreach (var row in (await (await head.GetAsync($"/api/appraisals?period={period}")).Ok<JsonObject>())["rows"]!.AsArray().Where(r => (string)r!["id"]! != id))
        {
            var other = await (await head.GetAsync($"/api/appraisals/{row!["id"]}")).Ok<JsonObject>();
            (await head.PutAsJsonAsync($"/api/appraisals/{row["id"]}", new { version = other["version"], ratings = new[] { new { code = "attitude", score = 70, comment = "合格" } } }))
                .EnsureSuccessStatusCode();
        }
        var submittedMonth = await (await head.PostAsJsonAsync($"/api/appraisals/periods/{period}/submit", new { note = "3 月考核" })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)submittedMonth["status"]);
        await (await head.PutAsJsonAsync($"/api/appraisals/{id}", new { version = sheet["version"], headComment = "改" })).Problem(HttpStatusCode.Conflict);
        (await exec.PostAsJsonAsync($"/api/approvals/{submittedMonth["approvalId"]}/approve", new { comment = "同意" })).EnsureSuccessStatusCode();

        var published = await (await am.GetAsync($"/api/appraisals/{id}")).Ok<JsonObject>();
        Assert.Equal(("Published", 82.27m, 80m), ((string?)published["status"], (decimal)published["total"]!, Score(published, "attitude")!.Value));
        Assert.Equal(PaymentData.Today.AddDays(5), DateOnly.Parse((string)published["appealBy"]!));
        Assert.True((bool)published["canAppeal"]!);

        // am1 lets the window pass: an appeal after it is refused, and the sheet becomes final.
        var am1Sheet = await (await am1.GetAsync($"/api/appraisals/{am1Row["id"]}")).Ok<JsonObject>();
        await using (var scope = await SystemScope.As(app, "am1"))
        {
            var late = await scope.Build<AppraisalFlow>(SystemScope.At(PaymentData.Today.AddDays(6), 9))
                .Appeal(Guid.Parse((string)am1Row["id"]!), new AppealInput(Guid.Parse((string)am1Sheet["version"]!), "attitude", "评分偏低"));
            Assert.Equal("appraisal.window_closed", late.Error?.Code);
        }

        // The person appeals the rated indicator; the head answers and raises it: the change is recorded and the sheet final.
        await (await head.PostAsJsonAsync($"/api/appraisals/{id}/appeal", new { version = published["version"], reason = "x" })).Problem(HttpStatusCode.Forbidden);
        var appealed = await (await am.PostAsJsonAsync($"/api/appraisals/{id}/appeal", new { version = published["version"], item = "attitude", reason = "本月两次节假日值班未计入" }))
            .Ok<JsonObject>();
        Assert.Equal("Appealed", (string?)appealed["status"]);
        await (await am.PostAsJsonAsync($"/api/appraisals/{id}/confirm", new { version = appealed["version"] })).Problem(HttpStatusCode.Conflict);
        var answered = await (await head.PostAsJsonAsync($"/api/appraisals/{id}/answer", new
        {
            version = appealed["version"],
            answer = "核实属实，工作态度调整为 90 分",
            ratings = new[] { new { code = "attitude", score = 90, comment = "节假日值班，态度积极" } },
        })).Ok<JsonObject>();
        // (7,134 − 20×80 + 20×90) ÷ 90 = 7,334 ÷ 90 = 81.49, + 3 = 84.49.
        Assert.Equal(("Final", 84.49m), ((string?)answered["status"], (decimal)answered["total"]!));
        Assert.Contains("工作态度: 80 → 90", (string)answered["appealAnswer"]!, StringComparison.Ordinal);

        // The month as a workbook for the department: a row per sheet with every indicator's score; not for the person.
        await (await am.GetAsync($"/api/appraisals/export?period={period}")).Problem(HttpStatusCode.Forbidden);
        var workbook = await head.GetAsync($"/api/appraisals/export?period={period}");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var exported = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().Single(r => Equals(r["被考核人"], "测试kpi"));
        Assert.Equal((84.49m, 90m, 3m), (Convert.ToDecimal(exported["总分"]), Convert.ToDecimal(exported["工作态度 (20%)"]), Convert.ToDecimal(exported["加分"])));
    }

    private static JsonNode Line(JsonNode sheet, string code) => sheet["lines"]!.AsArray().Single(l => (string?)l!["item"]!["code"] == code)!;
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> act)
    {
        act(value);
        return value;
    }

    public static void Is(this HttpStatusCode status, HttpStatusCode expected) => Assert.Equal(expected, status);
}
