using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>Edits an account's archive fields. Owner and team change through <see cref="SetAccountTeam"/>.</summary>
public sealed class UpdateAccount(IKamDb db, ICurrentUser me, IValidator<AccountInput> validator, AccountRules rules, Settings settings)
{
    public async Task<Result<Guid>> Handle(Guid id, AccountInput input, CancellationToken ct = default)
    {
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        if (!DataScope.EditsAccounts(me))
            return Error.Forbidden();
        if (account.ArchivedAt is not null)
            return Error.Conflict("account.archived");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != account.Version)
            return Error.Conflict();
        var errors = await rules.CheckAsync(input, id, account.OwnerId, ct);
        if (errors.Count > 0)
            return Error.Validation(errors);

        db.Entry(account).Property(a => a.Version).OriginalValue = version;
        AccountRules.Apply(account, input, await settings.GetAsync(TierPolicy.SettingKey, TierPolicy.Default, ct));
        await AccountSearch.RefreshAsync(db, account, ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return account.Id;
    }
}
