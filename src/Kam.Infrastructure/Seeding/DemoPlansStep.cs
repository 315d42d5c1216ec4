using Kam.Core.Accounts;
using Kam.Core.Plans;
using Kam.Core.Targets;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// A year of plans for the demo department: the department's plan for every month and quarter of this year up to the
/// next month (approved, the next month's a draft), this month's in two revisions (the approved one and a change
/// under way, to compare), and every account manager's action plan for last month (checked by the head, with a
/// comment) and this month, their items about their own accounts.
/// </summary>
public sealed class DemoPlansStep(KamDbContext db, TimeProvider clock) : ISeedStep
{
    public int Order => 61;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<WorkPlan>().AnyAsync(ct) || !context.Users.TryGetValue("head", out var head))
            return;
        var managers = await TargetAccess.ActiveManagerIdsAsync(db, ct);
        if (managers.Count == 0)
            return;
        var today = Kam.Core.Common.BusinessClock.Today(clock);
        var random = context.Random;
        var accounts = new Dictionary<Guid, (List<Account> Active, List<Account> Prospects)>();
        foreach (var person in managers)
        {
            var mine = await db.Unscoped<Account>().AsNoTracking().Where(a => a.OwnerId == person && a.ArchivedAt == null)
                .OrderBy(a => a.Id).Take(40).Select(a => new Account { Id = a.Id, Name = a.Name, Status = a.Status, Tier = a.Tier }).ToListAsync(ct);
            accounts[person] = (mine.Where(a => a.Status == AccountStatus.Active).ToList(), mine.Where(a => a.Status == AccountStatus.Prospect).ToList());
        }
        Account? Pick(List<Account> from) => from.Count == 0 ? null : from[random.Next(from.Count)];
        string Short(Account? a) => a is null ? "重点客户" : a.Name.Length > 12 ? a.Name[..12] : a.Name;

        WorkPlan Plan(string period, string title, string summary, PlanStatus status, int revision = 1, Guid? previous = null)
        {
            var plan = new WorkPlan { Period = period, Title = title, Summary = summary, Status = status, Revision = revision, PreviousId = previous, CreatedById = head.Id };
            db.Unscoped<WorkPlan>().Add(plan);
            return plan;
        }
        void Items(WorkPlan plan, DateOnly month, bool changed = false)
        {
            var order = 0;
            void Add(PlanItemKind kind, string text, Guid? owner, Account? account, int day) => db.Unscoped<WorkPlanItem>().Add(new WorkPlanItem
            {
                PlanId = plan.Id,
                Order = order++,
                Kind = kind,
                Text = text,
                OwnerId = owner,
                AccountId = account?.Id,
                DueOn = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month))),
            });
            var first = managers[month.Month % managers.Count];
            var second = managers[(month.Month + 1) % managers.Count];
            var key = Pick(accounts[first].Active);
            Add(PlanItemKind.KeyAction, $"完成{Short(key)}年度框架协议续签", first, key, 20);
            var overdue = Pick(accounts[second].Active);
            Add(PlanItemKind.KeyAction, changed ? $"{Short(overdue)}逾期回款月底前全部收回" : $"催收{Short(overdue)}逾期回款", second, overdue, changed ? 28 : 25);
            var prospect = Pick(accounts[second].Prospects);
            Add(PlanItemKind.Development, $"拿下{Short(prospect)}首单", second, prospect, 30);
            Add(PlanItemKind.Promotion, month.Month % 3 == 0 ? "季度经销商订货会" : "设计院产品推介会", head.Id, null, 15);
            if (changed)
                Add(PlanItemKind.KeyAction, "年底前完成全部 A 类客户拜访", first, null, 31);
        }

        var next = today.AddMonths(1);
        for (var month = new DateOnly(today.Year, 1, 1); month <= new DateOnly(next.Year, next.Month, 1); month = month.AddMonths(1))
        {
            var thisMonth = month.Year == today.Year && month.Month == today.Month;
            var period = Period.MonthOf(month).ToString();
            var plan = Plan(period, $"{month.Month}月工作计划", "本月重点：回款与新客户开发并重，A 类客户拜访全覆盖，逾期应收逐户落实。",
                month > today ? PlanStatus.Draft : PlanStatus.Approved);
            Items(plan, month);
            if (thisMonth)
            {
                // A change under way after approval: the second revision, compared with the first on the plan's page.
                var revision = Plan(period, $"{month.Month}月工作计划（调整）", "月中调整：逾期回款月底前收回，增加 A 类客户拜访。", PlanStatus.Draft, 2, plan.Id);
                Items(revision, month, changed: true);
            }
            if (month.Month % 3 == 1 && month.Year == today.Year)
            {
                var quarter = new Period(PeriodKind.Quarter, month.Year, (month.Month + 2) / 3);
                var q = Plan(quarter.ToString(), $"第{quarter.Number}季度工作计划", "本季度：签约与回款双达标，培育主推品牌，开发设计院和地产类新客户。",
                    quarter.Start > today ? PlanStatus.Draft : PlanStatus.Approved);
                Items(q, month);
            }
        }

        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        foreach (var month in new[] { lastMonth, new DateOnly(today.Year, today.Month, 1) })
        {
            foreach (var person in managers)
            {
                var (active, prospects) = accounts[person];
                var plan = new ActionPlan { PersonId = person, Month = month, CreatedById = person };
                if (month == lastMonth)
                    (plan.Comment, plan.CommentedById, plan.CommentedAt) = ("执行到位，下月继续跟进逾期回款。", head.Id, new DateTimeOffset(month.AddMonths(1).ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
                db.Unscoped<ActionPlan>().Add(plan);
                var order = 0;
                void Add(ActionItemKind kind, string text, Account? account, int day) => db.Unscoped<ActionPlanItem>().Add(new ActionPlanItem
                {
                    PlanId = plan.Id,
                    Order = order++,
                    Kind = kind,
                    Text = text,
                    AccountId = account?.Id,
                    DueOn = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month))),
                });
                var visit = Pick(active.Where(a => a.Tier == AccountTier.A).ToList()) ?? Pick(active);
                Add(ActionItemKind.Visit, $"拜访{Short(visit)}，了解下季度采购计划", visit, 10);
                var develop = Pick(prospects);
                Add(ActionItemKind.Develop, $"约见{Short(develop)}采购负责人", develop, 18);
                var deal = Pick(active);
                Add(ActionItemKind.Deal, $"推动{Short(deal)}项目报价确认", deal, 25);
                Add(ActionItemKind.Action, "整理本月回款台账并与财务对账", null, 28);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
