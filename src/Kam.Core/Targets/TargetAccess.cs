using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Targets;

/// <summary>Who sets targets (the head, and the assistant who drafts for them) and whose figures a reader sees.</summary>
public static class TargetAccess
{
    public static bool Manages(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    /// <summary>The month a reader who manages targets sets something for: 403 for anyone else, 400 on a period that is
    /// not a month.</summary>
    public static Result<Period> MonthToSet(ICurrentUser me, string? period)
    {
        if (!Manages(me))
            return Error.Forbidden("target.read_only");
        if (Period.Parse(period) is not { } p)
            return Error.Validation("period", "target.period_invalid");
        if (p.Kind != PeriodKind.Month)
            return Error.Validation("period", "target.period_month_only");
        return p;
    }

    /// <summary>The people a reader sees in a period: everyone's for the department's readers (the account managers
    /// now, and whoever held a target in the period), an account manager only themself.</summary>
    public static async Task<List<Person>> PeopleAsync(IKamDb db, ICurrentUser me, IReadOnlyCollection<Guid> holders, CancellationToken ct)
    {
        if (!DataScope.SeesAllAccounts(me))
        {
            return me.Id is { } id
                ? await db.Unscoped<User>().AsNoTracking().Where(u => u.Id == id).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync(ct)
                : [];
        }
        var managers = await ActiveManagerIdsAsync(db, ct);
        var ids = managers.Concat(holders).Distinct().ToList();
        return (await db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync(ct))
            .OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
    }

    public static Task<List<Guid>> ActiveManagerIdsAsync(IKamDb db, CancellationToken ct) => ActiveIdsAsync(db, Roles.AccountManager, ct);

    /// <summary>The active people who hold <paramref name="role"/>.</summary>
    public static Task<List<Guid>> ActiveIdsAsync(IKamDb db, string role, CancellationToken ct) =>
        (from u in db.Unscoped<User>().AsNoTracking()
         where u.IsActive
         join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
         join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
         where r.Name == role
         select u.Id).ToListAsync(ct);
}
