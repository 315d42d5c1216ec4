using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Visits;

/// <summary>
/// Who may plan, log, complete, correct and cancel visits, and what a record changes on the account and its contacts.
/// Account managers work on the accounts they see, for themselves; the head also for others; the assistant and the
/// executive read. The author corrects a record for 7 days after writing it, then only the head.
/// </summary>
public sealed class VisitRules(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public static readonly TimeSpan AuthorEditWindow = TimeSpan.FromDays(7);

    public bool Writes => VisitAccess.Writes(me);

    public Guid MeId => me.Id ?? Guid.Empty;

    public bool IsHead => VisitAccess.Manages(me);

    public VisitPermissions Permissions(Visit v)
    {
        var mine = v.UserId == me.Id || v.CreatedById == me.Id;
        var planned = v.Status == VisitStatus.Planned;
        return new VisitPermissions(
            EditPlan: planned && Writes && (IsHead || mine),
            Complete: planned && Writes && (IsHead || v.UserId == me.Id),
            Cancel: planned && Writes && (IsHead || mine),
            EditRecord: v.Status == VisitStatus.Done && Writes && (IsHead
                || (v.UserId == me.Id && v.RecordedAt is { } at && clock.GetUtcNow() - at <= AuthorEditWindow)));
    }

    /// <summary>The visitor: oneself, or for the head anyone active who works accounts; they must be on the account.</summary>
    public async Task<Result<Guid>> VisitorAsync(Guid? requested, Account account, CancellationToken ct)
    {
        var visitor = requested ?? me.Id ?? Guid.Empty;
        if (visitor != me.Id && !IsHead)
            return Error.Validation("userId", "visit.only_head_plans_for_others");
        if (visitor == me.Id && !me.IsSystem)
            return visitor;
        var works = await (from u in db.Unscoped<User>()
                           where u.Id == visitor && u.IsActive
                           join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
                           join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                           where r.Name == Roles.AccountManager || r.Name == Roles.Head
                           select u.Id).AnyAsync(ct);
        if (!works)
            return Error.Validation("userId", "visit.visitor_invalid");
        var onAccount = account.OwnerId == visitor || await db.Unscoped<AccountMember>().AnyAsync(m => m.AccountId == account.Id && m.UserId == visitor, ct)
            || await db.Unscoped<IdentityUserRole<Guid>>().AnyAsync(ur => ur.UserId == visitor && db.Unscoped<Role>().Any(r => r.Id == ur.RoleId && r.Name == Roles.Head), ct);
        return onAccount ? visitor : Error.Validation("userId", "visit.visitor_not_on_account");
    }

    /// <summary>The contacts, all of this account and not archived; otherwise a field error.</summary>
    public async Task<Error?> CheckContactsAsync(Guid accountId, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0)
            return null;
        var distinct = ids.Distinct().ToList();
        var found = await db.Unscoped<Contact>().CountAsync(c => distinct.Contains(c.Id) && c.AccountId == accountId && c.ArchivedAt == null, ct);
        return found == distinct.Count ? null : Error.Validation("contactIds", "visit.contact_not_on_account");
    }

    public static void SetContacts(Visit visit, VisitContactRole role, IReadOnlyList<Guid>? ids)
    {
        var wanted = (ids ?? []).Distinct().ToHashSet();
        visit.Contacts.RemoveAll(c => c.Role == role && !wanted.Contains(c.ContactId));
        foreach (var id in wanted.Where(id => !visit.Contacts.Any(c => c.Role == role && c.ContactId == id)))
            visit.Contacts.Add(new VisitContact { VisitId = visit.Id, ContactId = id, Role = role });
    }

    /// <summary>
    /// After a record is saved or corrected: the account's last visit (and so its visit clock) is the latest record, and
    /// the contacts met were last contacted on the visit's day if that is later than what they had. Derived values, set
    /// with one statement each: the account is not loaded, so its version stays and nobody's open account form gets a
    /// false 409 because a colleague logged a visit. Run inside the caller's transaction.
    /// </summary>
    public async Task ApplyRecordAsync(Visit visit, CancellationToken ct)
    {
        var last = await db.Unscoped<Visit>().Where(v => v.AccountId == visit.AccountId && v.Status == VisitStatus.Done).MaxAsync(v => (DateOnly?)v.Date, ct);
        if (last is { } date)
        {
            await db.Unscoped<Account>().Where(a => a.Id == visit.AccountId && (a.LastVisitOn == null || a.LastVisitOn != date))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastVisitOn, date).SetProperty(a => a.VisitDueBase, date), ct);
        }
        var met = visit.Contacts.Where(c => c.Role == VisitContactRole.Met).Select(c => c.ContactId).ToList();
        if (met.Count > 0)
        {
            await db.Unscoped<Contact>().Where(c => met.Contains(c.Id) && (c.LastContactedOn == null || c.LastContactedOn < visit.Date))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastContactedOn, visit.Date), ct);
        }
    }

    public DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, BusinessClock.Zone).DateTime);

    public DateOnly Today => clock.Today();

    public DateTimeOffset Now => clock.GetUtcNow();
}
