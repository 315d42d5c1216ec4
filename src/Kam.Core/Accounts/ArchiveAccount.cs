using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>Only the head archives an account (it leaves the default lists) or restores it. Nothing is deleted.</summary>
public sealed class ArchiveAccount(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public Task<Result> Archive(Guid id, CancellationToken ct = default) => Set(id, archive: true, ct);

    public Task<Result> Restore(Guid id, CancellationToken ct = default) => Set(id, archive: false, ct);

    private async Task<Result> Set(Guid id, bool archive, CancellationToken ct)
    {
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        if (!DataScope.ManagesAccounts(me))
            return Error.Forbidden("account.only_head_archives");
        if (archive == account.ArchivedAt is not null)
            return Result.Success;
        if (!archive)
        {
            // Restoring must not create a second active account with the same name or credit code.
            var active = await db.Unscoped<Account>().AnyAsync(a => a.ArchivedAt == null && a.Id != id
                && (a.NormalizedName == account.NormalizedName || (account.CreditCode != null && a.CreditCode == account.CreditCode)), ct);
            if (active)
                return Error.Conflict("account.restore_duplicate");
        }
        account.ArchivedAt = archive ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
