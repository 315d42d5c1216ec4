using Kam.Core.Appraisals;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Targets;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// Six months of the department's appraisal under the shipped scheme, opened by Kam's own use case so that every
/// computed figure is the records' (the ledger's targets, the reports, the complaints, the satisfaction answers): the
/// first five rated, approved and final (one after an appeal the head upheld), the last month open for the head to rate,
/// a few self-assessments already written. A reward and a fault report count in their months.
/// </summary>
public sealed class DemoAppraisalStep(KamDbContext db, TimeProvider clock, OpenAppraisals open) : ISeedStep
{
    public int Order => 70;

    public bool NeedsDerivedData => true;

    private static readonly Dictionary<string, string> Names = new()
    {
        ["collected"] = "回款达成率",
        ["signed"] = "签约达成率",
        ["coverage"] = "A类客户拜访覆盖率",
        ["reports"] = "日报提交率",
        ["cases"] = "投诉按时解决率",
        ["csat"] = "客户满意度",
        ["attitude"] = "工作态度",
        ["teamwork"] = "团队协作",
    };

    private static readonly string[] Comments = ["主动跟进重点客户，响应及时", "配合团队完成联合拜访", "执行到位，按时反馈", "客户沟通细致，需加强计划性", "积极分享经验，带动新人"];

    private static readonly string[] Selves = ["本月重点推进了两个框架协议，回款基本达标。", "拜访覆盖还有差距，下月优先安排 A 类客户。", "日报按时提交，投诉均在时限内处理。"];

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<AppraisalScheme>().AnyAsync(ct))
            return;
        var random = new Random(context.Options.RandomSeed + 17);
        var today = BusinessClock.Today(clock);
        var first = Period.MonthOf(today).Start.AddMonths(-6);
        var definition = SchemeRules.Default();
        definition = definition with { Indicators = definition.Indicators.Select(i => i with { Name = Names.GetValueOrDefault(i.Code, i.Name) }).ToList() };
        var scheme = new AppraisalScheme
        {
            Name = "外勤月度考核方案",
            Role = Roles.AccountManager,
            FromMonth = first,
            Status = SchemeStatus.Approved,
            ApprovedAt = BusinessClock.StartOf(first.AddDays(-3)),
            Definition = SchemeRules.Write(definition),
        };
        db.Unscoped<AppraisalScheme>().Add(scheme);
        if (context.Users.TryGetValue("am1", out var am1) && context.Users.TryGetValue("am2", out var am2))
        {
            db.Unscoped<RewardFault>().Add(new RewardFault
            {
                PersonId = am1.Id,
                Kind = RewardFaultKind.Reward,
                Month = first.AddMonths(2),
                OccurredOn = first.AddMonths(2).AddDays(11),
                Title = "独立签下年度框架协议",
                Description = "克服竞品低价压力，独立谈成年度框架协议，为部门新增重点客户一家。",
                Points = 3,
                Amount = 2000m,
                Status = SchemeStatus.Approved,
            });
            db.Unscoped<RewardFault>().Add(new RewardFault
            {
                PersonId = am2.Id,
                Kind = RewardFaultKind.Fault,
                Month = first.AddMonths(4),
                OccurredOn = first.AddMonths(4).AddDays(7),
                Title = "投诉未及时上报",
                Description = "客户严重投诉未在当日上报部长，延误处理。",
                Points = 2,
                Status = SchemeStatus.Approved,
            });
        }
        await db.SaveChangesAsync(ct);

        for (var back = 6; back >= 1; back--)
        {
            var period = Period.MonthOf(today.AddMonths(-back));
            if (!(await open.Handle(period.ToString(), ct, notify: false)).IsSuccess)
                continue;
            var month = period.Start;
            var sheets = await db.Unscoped<Appraisal>().Where(a => a.Month == month).OrderBy(a => a.PersonId).ToListAsync(ct);
            var round = await db.Unscoped<AppraisalRound>().SingleAsync(r => r.Month == month, ct);
            var decided = back >= 2;
            var published = BusinessClock.StartOf(period.End.AddDays(6)).AddHours(2);
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                if (decided || random.Next(3) == 0)
                    sheet.SelfAssessment = Selves[random.Next(Selves.Length)];
                if (!decided)
                    continue;
                var items = SchemeRules.ParseItems(sheet.Items).Select(item => item.Source == IndicatorSource.Rated
                    ? item with { Score = 65 + random.Next(31), Comment = Comments[random.Next(Comments.Length)] } : item).ToList();
                sheet.Items = SchemeRules.WriteItems(items);
                sheet.RatedAt = published.AddDays(-3);
                OpenAppraisals.Score(sheet, definition, items);
                sheet.PublishedAt = published;
                sheet.AppealBy = BusinessClock.DateOf(published).AddDays(definition.AppealDays);
                sheet.Status = AppraisalStatus.Final;
                if (random.Next(2) == 0)
                {
                    sheet.Status = AppraisalStatus.Confirmed;
                    sheet.ConfirmedAt = published.AddDays(1);
                }
                if (back == 3 && i == 0)
                {
                    sheet.AppealItem = "attitude";
                    sheet.AppealReason = "本月有两次周末值班支持客户验收，工作态度评分偏低。";
                    sheet.AppealedAt = published.AddDays(2);
                    sheet.AppealAnswer = "经核实属实，已上调工作态度评分。";
                    sheet.AnsweredAt = published.AddDays(3);
                    sheet.Status = AppraisalStatus.Final;
                    sheet.ConfirmedAt = null;
                }
            }
            if (decided)
            {
                round.Status = RoundStatus.Approved;
                round.SubmittedAt = published.AddDays(-1);
                round.ApprovedAt = published;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
