using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Infrastructure.Data;

/// <summary>
/// The one place that decides who sees which account (lists, search, pages, exports, reports, the API). The
/// condition is built for the person asking, so the head's query carries none and an account manager's is
/// "owner is me, or I am on the team": both use the indexes instead of scanning 50,000 rows behind an OR.
/// </summary>
internal static class AccountScope
{
    public static IQueryable<Account> Accounts(KamDbContext db, ICurrentUser user)
    {
        if (DataScope.SeesAllAccounts(user))
            return db.AllAccounts;
        if (!DataScope.SeesOwnAccounts(user))
            return db.AllAccounts.Where(a => false);
        var me = user.Id!.Value;
        return db.AllAccounts.Where(a => a.OwnerId == me
            || db.AccountMembers.Where(m => m.UserId == me).Select(m => m.AccountId).Contains(a.Id));
    }

    public static IQueryable<Contact> Contacts(KamDbContext db, ICurrentUser user)
    {
        if (DataScope.SeesAllAccounts(user))
            return db.AllContacts;
        var visible = Accounts(db, user).Select(a => a.Id);
        return db.AllContacts.Where(c => visible.Contains(c.AccountId));
    }

    public static IQueryable<Kam.Core.Visits.Visit> Visits(KamDbContext db, ICurrentUser user)
    {
        if (DataScope.SeesAllAccounts(user))
            return db.AllVisits;
        var visible = Accounts(db, user).Select(a => a.Id);
        return db.AllVisits.Where(v => visible.Contains(v.AccountId));
    }

    /// <summary>Records under an account (deals, orders, payments...): those of the accounts the user sees.</summary>
    public static IQueryable<T> Under<T>(KamDbContext db, ICurrentUser user, IQueryable<T> all)
        where T : class, IBelongsToAccount
    {
        if (DataScope.SeesAllAccounts(user))
            return all;
        var visible = Accounts(db, user).Select(a => a.Id);
        return all.Where(r => visible.Contains(r.AccountId));
    }
}
