using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Kam.Core.Opportunities;
using Kam.Core.Payments;
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
        var expiringList = (await (from c in expiring
                                   join a in db.Unscoped<Account>() on c.AccountId equals a.Id
                                   orderby c.EffectiveEndOn
                                   select new { c.Id, c.Number, c.Title, a.Name, c.EffectiveEndOn }).Take(5).ToListAsync(ct))
            .Select(c => new ContractBrief(c.Id, c.Number, c.Title, c.Name, c.EffectiveEndOn, c.EffectiveEndOn.DayNumber - today.DayNumber)).ToList();

        // Open receivables grouped by due date in one pass over the (settled, due, account, amount, collected) index. Settled is
        // compared with a parameter: for a constant EF writes "NOT Settled", which SQLite cannot seek in the index.
        var settled = false;
        var byDue = await db.Read<Instalment>().AsNoTracking().Where(i => i.Settled == settled).GroupBy(i => i.DueOn)
            .Select(g => new { DueOn = g.Key, Open = g.Sum(i => (double)i.Amount) - g.Sum(i => (double)i.Collected), Count = g.Count() }).ToListAsync(ct);
        // Summed as floating point by the database (SQLite's decimal sum is a slow user function), back to the fen per day.
        var openAmount = byDue.Sum(d => Fen(d.Open));
        var overdueAmount = byDue.Where(d => d.DueOn < today).Sum(d => Fen(d.Open));
        var overdueCount = byDue.Where(d => d.DueOn < today).Sum(d => d.Count);

        var first = new DateOnly(today.Year, today.Month, 1);
        var collected = Fen(await db.Read<Payment>().AsNoTracking().Where(p => p.ReceivedOn >= first && p.ReceivedOn <= today && p.ReversedAt == null)
            .SumAsync(p => (double)p.Amount, ct));

        var opportunities = db.Read<Opportunity>().AsNoTracking().Where(o => o.Status == OpportunityStatus.Open && o.ArchivedAt == null);
        if (mineOnly && me.IsInRole(Roles.AccountManager))
            opportunities = opportunities.Where(o => o.OwnerId == userId);
        var pipelineCount = await opportunities.CountAsync(ct);
        var pipeline = Fen(await opportunities.SumAsync(o => (double)o.ExpectedAmount * o.Probability, ct) / 100);

        return new DealsDesk(waitingCount, waitingList, expiringCount, expiringList,
            openAmount, overdueAmount, overdueCount, collected,
            pipeline, pipelineCount);
    }

    private static decimal Fen(double amount) => Math.Round((decimal)amount, 2, MidpointRounding.AwayFromZero);
}
