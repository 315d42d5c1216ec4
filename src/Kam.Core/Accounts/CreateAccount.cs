using FluentValidation;
using Kam.Core.Common;

namespace Kam.Core.Accounts;

/// <summary>An account manager, the assistant or the head opens a new account in the archive.</summary>
public sealed class CreateAccount(IKamDb db, ICurrentUser me, IValidator<AccountInput> validator, AccountRules rules, Settings settings)
{
    public async Task<Result<Guid>> Handle(AccountInput input, CancellationToken ct = default)
    {
        if (!DataScope.EditsAccounts(me))
            return Error.Forbidden();
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var ownerId = DataScope.IsBackOffice(me) ? input.OwnerId ?? me.Id ?? Guid.Empty : me.Id!.Value;
        var errors = await rules.CheckAsync(input, null, ownerId, ct);
        if (errors.Count > 0)
            return Error.Validation(errors);

        var account = new Account { OwnerId = ownerId };
        AccountRules.Apply(account, input, await settings.GetAsync(TierPolicy.SettingKey, TierPolicy.Default, ct));
        account.SearchText = AccountSearch.Build(account, []);
        db.Unscoped<Account>().Add(account);
        await db.SaveChangesAsync(ct);
        return account.Id;
    }
}
