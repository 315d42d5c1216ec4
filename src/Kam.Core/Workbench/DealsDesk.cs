using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Kam.Core.Ledger;
using Kam.Core.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Workbench;

public sealed record ApprovalBrief(Guid Id, string DocumentType, string Title, decimal? Amount, DateTimeOffset SubmittedAt);

public sealed record ContractBrief(Guid Id, string Number, string Title, string AccountName, DateOnly EndOn, int DaysLeft);

/// <summary>
/// The money side of the workbench: approvals waiting for me, contracts expiring within 30 days, receivables open and
/// overdue, this month's collections and the weighted pipeline. An account manager sees their own (contracts they own,
/// receivables of their accounts); the head, assistant and executive the department's.
/// </summary>
public sealed record DealsDesk(
    int ApprovalsWaiting,
    IReadOnlyList<ApprovalBrief> Approvals,
    int ContractsExpiring,
    IReadOnlyList<ContractBrief> Expiring,
    decimal ReceivableOpen,
    decimal ReceivableOverdue,
    int InstalmentsOverdue,
    decimal CollectedThisMonth,
    decimal PipelineWeighted,
    int OpportunitiesOpen);

public sealed class GetDealsDesk(IKamDb db, ICurrentUser me, TimeProvider clock, ListApprovals approvals)
{
    public const int ExpiringWithinDays = 30;

    private static readonly ContractStatus[] Running = [ContractStatus.Signed, ContractStatus.InForce];

    public async Task<DealsDesk> Handle(CancellationToken ct = default)
    {
        var today = clock.Today();
        var mineOnly = !DataScope.SeesAllAccounts(me);
        var userId = me.Id ?? Guid.Empty;

        var waiting = approvals.CountPendingAsync(ct);
        var waitingCount = await waiting;
        var waitingList = waitingCount == 0 ? [] : (await approvals.Handle(new ApprovalQuery { Box = ApprovalBox.Pending, PageSize = 5 }, ct)).Items
            .Select(a => new ApprovalBrief(a.Id, a.DocumentType, a.Title, a.Amount, a.SubmittedAt)).ToList();

        var until = today.AddDays(ExpiringWithinDays);
        var expiring = db.Read<Contract>().AsNoTracking().Where(c => Running.Contains(c.Status) && c.ArchivedAt == null
            && c.EffectiveEndOn >= today && c.EffectiveEndOn <= until);
        if (mineOnly)
            expiring = expiring.Where(c => c.OwnerId == userId);
        var expiringCount = await expiring.CountAsync(ct);
        // The first five by end date, then their account names (not every expiring contract joined before the cut).
        var expiringList = (await (from c in expiring.OrderBy(c => c.EffectiveEndOn).ThenBy(c => c.Id).Take(5)
                                   join a in db.Unscoped<Account>() on c.AccountId equals a.Id
                                   orderby c.EffectiveEndOn, c.Id
                                   select new { c.Id, c.Number, c.Title, a.Name, c.EffectiveEndOn }).ToListAsync(ct))
            .Select(c => new ContractBrief(c.Id, c.Number, c.Title, c.Name, c.EffectiveEndOn, c.EffectiveEndOn.DayNumber - today.DayNumber)).ToList();

        // Open receivables and this month's collections from the ledger (whole fen, summed by the database).
        // The department's from its days (one row a day); an account manager's (their accounts and their teams') per account.
        var (open, overdue, overdueCount, collected) = mineOnly
            ? await MoneyAsync(db.Read<LedgerFact>().AsNoTracking(), today, ct)
            : await MoneyAsync(db.Read<LedgerTotal>().AsNoTracking(), today, ct);
        var (openAmount, overdueAmount) = (Fen.ToYuan(open), Fen.ToYuan(overdue));

        var opportunities = db.Read<Opportunity>().AsNoTracking().Where(o => o.Status == OpportunityStatus.Open && o.ArchivedAt == null);
        if (mineOnly && me.IsInRole(Roles.AccountManager))
            opportunities = opportunities.Where(o => o.OwnerId == userId);
        var pipelineSums = await opportunities.GroupBy(o => o.Status).Select(g => new { Count = g.Count(), Weighted = g.Sum(o => (double)o.ExpectedAmount * o.Probability) })
            .FirstOrDefaultAsync(ct);
        var pipelineCount = pipelineSums?.Count ?? 0;
        var pipeline = Math.Round((decimal)((pipelineSums?.Weighted ?? 0) / 100), 2, MidpointRounding.AwayFromZero);

        return new DealsDesk(waitingCount, waitingList, expiringCount, expiringList,
            openAmount, overdueAmount, overdueCount, Fen.ToYuan(collected),
            pipeline, pipelineCount);
    }

    /// <summary>Open and overdue receivables (and how many overdue) and this month's collections, in fen, from either grain of the ledger.</summary>
    private static async Task<(long Open, long Overdue, int OverdueCount, long Collected)> MoneyAsync<T>(IQueryable<T> figures, DateOnly today, CancellationToken ct)
        where T : class, ILedgerFigure
    {
        var receivable = LedgerMetric.Receivable;
        var collectedMetric = LedgerMetric.Collected;
        var first = new DateOnly(today.Year, today.Month, 1);
        var open = (await figures.Where(f => f.Metric == receivable).GroupBy(f => f.Metric)
            .Select(g => new { Open = g.Sum(f => f.Fen), Overdue = g.Sum(f => f.Day < today ? f.Fen : 0), Count = g.Sum(f => f.Day < today ? f.Count : 0) })
            .ToListAsync(ct)).FirstOrDefault();
        var collected = await figures.Where(f => f.Metric == collectedMetric && f.Day >= first && f.Day <= today).SumAsync(f => f.Fen, ct);
        return (open?.Open ?? 0, open?.Overdue ?? 0, open?.Count ?? 0, collected);
    }
}
