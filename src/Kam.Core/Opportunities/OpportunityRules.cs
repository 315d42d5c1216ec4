using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>
/// Who may do what with cooperation projects, and what entering a stage means. The head and the assistant work on
/// every account, an account manager on the accounts they see (others are not found), the executive reads. A
/// project that is won or lost is closed: only the head reopens it or changes it.
/// </summary>
public sealed class OpportunityRules(IKamDb db, ICurrentUser me, TimeProvider clock, Settings settings)
{
    public bool Writes => OpportunityAccess.Writes(me);

    public bool IsHead => OpportunityAccess.Manages(me);

    public OpportunityPermissions Permissions(Opportunity o)
    {
        var open = o.Status == OpportunityStatus.Open && o.ArchivedAt is null;
        return new OpportunityPermissions(
            Edit: Writes && o.ArchivedAt is null && (open || IsHead),
            Move: Writes && open,
            Reopen: IsHead && o.ArchivedAt is null && o.Status != OpportunityStatus.Open,
            Archive: Writes);
    }

    public async Task<IReadOnlyList<OpportunityStage>> StagesAsync(CancellationToken ct) =>
        await settings.GetAsync(OpportunityStages.Key, OpportunityStages.Default, ct) is { Count: > 0 } stages ? stages : OpportunityStages.Default;

    /// <summary>The owner: the requested person, else the creator if they work the account as account manager, else the account's owner.</summary>
    public async Task<Result<Guid>> OwnerAsync(Guid? requested, Account account, CancellationToken ct)
    {
        if (requested is null)
        {
            if (me.Id is { } self && me.IsInRole(Roles.AccountManager) && await OnAccountAsync(self, account, ct))
                return self;
            return account.OwnerId;
        }
        return await OnAccountAsync(requested.Value, account, ct) ? requested.Value : Error.Validation("ownerId", "opportunity.owner_not_on_account");
    }

    private async Task<bool> OnAccountAsync(Guid userId, Account account, CancellationToken ct) =>
        account.OwnerId == userId || await db.Unscoped<AccountMember>().AnyAsync(m => m.AccountId == account.Id && m.UserId == userId, ct);

    /// <summary>Checks entering <paramref name="stage"/> from where the project is now; nothing changes yet.</summary>
    public Error? CheckStage(Opportunity o, OpportunityStage stage, string? lostReason, bool isNew)
    {
        var closed = !isNew && o.Status != OpportunityStatus.Open;
        var changes = isNew || o.Stage != stage.Key || o.Status != stage.Outcome;
        if (closed && changes && !IsHead)
            return Error.Forbidden("opportunity.reopen_only_head");
        if (stage.Outcome == OpportunityStatus.Lost && string.IsNullOrWhiteSpace(lostReason))
            return Error.Validation("lostReason", "opportunity.lost_reason_required");
        return null;
    }

    /// <summary>
    /// Enters the stage: probability from it, won or lost closes the project on today's business date (a win also
    /// sets the signing date to that day), open reopens it.
    /// </summary>
    public void EnterStage(Opportunity o, OpportunityStage stage, string? lostReason)
    {
        if (o.Stage != stage.Key || o.Status != stage.Outcome)
        {
            o.Stage = stage.Key;
            o.Probability = stage.Probability;
            if (o.Status != stage.Outcome)
            {
                o.ClosedOn = stage.Outcome == OpportunityStatus.Open ? null : clock.Today();
                // Won: the signing date is no longer expected but known, and the forecast counts the win in that month.
                if (stage.Outcome == OpportunityStatus.Won)
                    o.ExpectedSignOn = o.ClosedOn;
            }
            o.Status = stage.Outcome;
        }
        o.LostReason = stage.Outcome == OpportunityStatus.Lost ? lostReason!.Trim() : null;
    }

    /// <summary>The position above the first card of a column: what enters a stage comes on top, where it is seen.</summary>
    public async Task<int> TopOfColumnAsync(string stage, CancellationToken ct) =>
        (await db.Unscoped<Opportunity>().Where(o => o.Status == OpportunityStatus.Open && o.Stage == stage).MinAsync(o => (int?)o.Rank, ct) ?? 1) - 1;

    public DateOnly Today => clock.Today();
}
