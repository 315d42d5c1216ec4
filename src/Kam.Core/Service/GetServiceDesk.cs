using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>The workbench's service figures: open cases, those near a deadline and those past one, and the most urgent
/// few. An account manager's are the cases they handle; the department's readers see every case they may.</summary>
public sealed record ServiceDesk(int Open, int DueSoon, int Overdue, IReadOnlyList<CaseRow> Urgent, bool Mine, int FollowUpsDue = 0);

public sealed class GetServiceDesk(IKamDb db, ICurrentUser me, TimeProvider clock, GetCases cases)
{
    private static readonly CaseStatus[] Running = [CaseStatus.New, CaseStatus.Acknowledged, CaseStatus.InProgress];

    public async Task<ServiceDesk?> Handle(CancellationToken ct = default)
    {
        if (me.Id is not { } id || !(ServiceAccess.Opens(me) || me.IsInRole(Roles.Executive)))
            return null;
        var mine = !DataScope.SeesAllAccounts(me);
        var now = clock.GetUtcNow();
        var open = db.Read<ServiceCase>().AsNoTracking().Where(c => Running.Contains(c.Status) || c.Status == CaseStatus.WaitingCustomer);
        if (mine)
            open = open.Where(c => c.HandlerId == id);
        var openCount = await open.CountAsync(ct);
        var overdue = await open.CountAsync(c => (c.Status == CaseStatus.New && c.ResponseDueAt < now)
            || ((c.Status == CaseStatus.Acknowledged || c.Status == CaseStatus.InProgress) && c.ResolutionDueAt < now), ct);
        var dueSoon = await open.CountAsync(c => (c.Status == CaseStatus.New && c.ResponseWarnAt <= now && c.ResponseDueAt >= now)
            || ((c.Status == CaseStatus.Acknowledged || c.Status == CaseStatus.InProgress) && c.ResolutionWarnAt <= now && c.ResolutionDueAt >= now), ct);
        IReadOnlyList<CaseRow> urgent = [];
        if (openCount > 0 && await cases.List(new CaseQuery(Status: "open", Handler: mine ? id : null, PageSize: 5, Sort: "due"), ct) is { IsSuccess: true } found)
            urgent = found.Value.Items;
        var today = clock.Today();
        // Follow-ups due by today: the reader's own (the assistant's are theirs too), or the department's for the head.
        var followUps = db.Read<FollowUp>().AsNoTracking().Where(f => f.Status == FollowUpStatus.Open && f.DueOn <= today);
        if (mine || me.IsInRole(Roles.Assistant))
            followUps = followUps.Where(f => f.AssigneeId == id);
        return new ServiceDesk(openCount, dueSoon, overdue, urgent, mine, await followUps.CountAsync(ct));
    }
}
