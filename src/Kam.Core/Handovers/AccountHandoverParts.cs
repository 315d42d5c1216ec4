using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Handovers;

/// <summary>The accounts a person owns, archived ones included: nothing may stay with a leaver.</summary>
public sealed class OwnedAccountsPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.accounts";

    public int Order => 0;

    private IQueryable<Account> Owned(Guid userId) => db.Unscoped<Account>().Where(a => a.OwnerId == userId);

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => Owned(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        await Owned(fromUserId).OrderBy(a => a.Name).Select(a => a.Name).Take(max).ToListAsync(ct);

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var accounts = await Owned(fromUserId).ToListAsync(ct);
        var ids = accounts.Select(a => a.Id).ToList();
        // The receiver becomes owner; a team membership they had on the same account is now redundant.
        db.Unscoped<AccountMember>().RemoveRange(await db.Unscoped<AccountMember>().Where(m => m.UserId == toUserId && ids.Contains(m.AccountId)).ToListAsync(ct));
        foreach (var account in accounts)
            account.OwnerId = toUserId;
        return accounts.Count;
    }
}

/// <summary>The teams a person is on: the receiver takes their seat.</summary>
public sealed class TeamMembershipsPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.team_memberships";

    public int Order => 1;

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => db.Unscoped<AccountMember>().CountAsync(m => m.UserId == userId, ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        await (from m in db.Unscoped<AccountMember>()
               join a in db.Unscoped<Account>() on m.AccountId equals a.Id
               where m.UserId == fromUserId
               orderby a.Name
               select a.Name).Take(max).ToListAsync(ct);

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var memberships = await db.Unscoped<AccountMember>().Where(m => m.UserId == fromUserId).ToListAsync(ct);
        var accountIds = memberships.Select(m => m.AccountId).ToList();
        var receiverAlready = await db.Unscoped<AccountMember>().Where(m => m.UserId == toUserId && accountIds.Contains(m.AccountId)).Select(m => m.AccountId).ToListAsync(ct);
        var receiverOwns = await db.Unscoped<Account>().Where(a => accountIds.Contains(a.Id) && (a.OwnerId == toUserId || a.OwnerId == fromUserId)).Select(a => a.Id).ToListAsync(ct);
        db.Unscoped<AccountMember>().RemoveRange(memberships);
        db.Unscoped<AccountMember>().AddRange(accountIds.Except(receiverAlready).Except(receiverOwns).Select(id => new AccountMember { AccountId = id, UserId = toUserId }));
        return memberships.Count;
    }
}
