using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

public sealed record TeamInput(Guid OwnerId, IReadOnlyList<Guid> MemberIds, Guid Version);

/// <summary>The head assigns an account's owner and its team members.</summary>
public sealed class SetAccountTeam(IKamDb db, ICurrentUser me)
{
    public async Task<Result> Handle(Guid id, TeamInput input, CancellationToken ct = default)
    {
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        if (!DataScope.ManagesAccounts(me))
            return Error.Forbidden("account.only_head_assigns");
        if (account.Version != input.Version)
            return Error.Conflict();
        var wanted = input.MemberIds.Append(input.OwnerId).Distinct().ToList();
        var active = await db.Unscoped<User>().Where(u => wanted.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        if (!active.Contains(input.OwnerId))
            return Error.Validation("ownerId", "account.owner_invalid");
        if (input.MemberIds.Any(m => !active.Contains(m)))
            return Error.Validation("memberIds", "account.member_invalid");

        account.OwnerId = input.OwnerId;
        var members = input.MemberIds.Where(m => m != input.OwnerId).Distinct().ToHashSet();
        var current = await db.Unscoped<AccountMember>().Where(m => m.AccountId == id).ToListAsync(ct);
        db.Unscoped<AccountMember>().RemoveRange(current.Where(m => !members.Contains(m.UserId)));
        db.Unscoped<AccountMember>().AddRange(members.Where(m => current.All(c => c.UserId != m)).Select(m => new AccountMember { AccountId = id, UserId = m }));
        // The team is part of the account: its version moves even when only members changed.
        db.Entry(account).Property(a => a.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
