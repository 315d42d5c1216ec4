using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>The checks create and update share: credit code authority, owner, parent, and the duplicate guard.</summary>
public sealed class AccountRules(IKamDb db, ICurrentUser me)
{
    public async Task<List<FieldError>> CheckAsync(AccountInput input, Guid? self, Guid ownerId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var code = string.IsNullOrWhiteSpace(input.CreditCode) ? null : CreditCode.Normalize(input.CreditCode);
        if (code is not null && !CreditCode.IsValid(code))
        {
            // Only the head may accept a code that fails its check character, and only with a recorded reason.
            if (!DataScope.ManagesAccounts(me))
                errors.Add(new FieldError("creditCode", "account.credit_code_invalid", CreditCode.CheckCharacter(code)));
            else if (string.IsNullOrWhiteSpace(input.CreditCodeNote))
                errors.Add(new FieldError("creditCodeNote", "account.credit_code_needs_reason"));
        }

        var owner = await db.Unscoped<User>().AsNoTracking().Where(u => u.Id == ownerId).Select(u => new { u.IsActive }).FirstOrDefaultAsync(ct);
        if (owner is not { IsActive: true })
            errors.Add(new FieldError("ownerId", "account.owner_invalid"));

        if (input.ParentId is { } parentId)
        {
            if (parentId == self || !await db.Read<Account>().AnyAsync(a => a.Id == parentId, ct))
                errors.Add(new FieldError("parentId", "account.parent_invalid"));
        }

        errors.AddRange(await DuplicatesAsync(input.Name, code, self, ct));
        return errors;
    }

    /// <summary>
    /// The same credit code or a near-identical name among active accounts. A duplicate the user may see is named;
    /// one they may not see is only said to exist, with the person to ask.
    /// </summary>
    public async Task<List<FieldError>> DuplicatesAsync(string name, string? code, Guid? self, CancellationToken ct)
    {
        var normalized = AccountNames.Normalize(name);
        var duplicates = await db.Unscoped<Account>()
            .Where(a => a.ArchivedAt == null && a.Id != self && (a.NormalizedName == normalized || (code != null && a.CreditCode == code)))
            .Select(a => new { a.Id, a.Name, a.CreditCode, a.NormalizedName, Owner = db.Unscoped<User>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
            .Take(2).ToListAsync(ct);
        var errors = new List<FieldError>();
        foreach (var d in duplicates)
        {
            var field = d.NormalizedName == normalized ? "name" : "creditCode";
            var visible = await db.Read<Account>().AnyAsync(a => a.Id == d.Id, ct);
            errors.Add(visible
                ? new FieldError(field, "account.duplicate_visible", d.Name, d.Owner ?? "")
                : new FieldError(field, "account.duplicate_hidden", d.Owner ?? ""));
        }
        return errors;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? JoinTags(IReadOnlyList<string>? tags) =>
        tags is { Count: > 0 } ? string.Join(",", tags.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()) : null;

    /// <summary>Copies the edited fields onto the account and recomputes what derives from them.</summary>
    public static void Apply(Account account, AccountInput input, TierPolicy policy)
    {
        account.Name = input.Name.Trim();
        account.NormalizedName = AccountNames.Normalize(account.Name);
        account.ShortName = Clean(input.ShortName);
        account.CreditCode = Clean(input.CreditCode) is { } code ? CreditCode.Normalize(code) : null;
        account.CreditCodeNote = account.CreditCode is not null && !CreditCode.IsValid(account.CreditCode) ? Clean(input.CreditCodeNote) : null;
        account.Category = input.Category ?? AccountCategory.Other;
        account.Industry = Clean(input.Industry);
        account.ProvinceCode = Clean(input.ProvinceCode);
        account.CityCode = Clean(input.CityCode);
        account.DistrictCode = Clean(input.DistrictCode);
        account.Address = Clean(input.Address);
        account.Website = Clean(input.Website);
        account.AnnualRevenue = input.AnnualRevenue;
        account.AnnualPurchase = input.AnnualPurchase;
        account.Brands = Clean(input.Brands);
        account.Status = input.Status ?? AccountStatus.Prospect;
        account.Source = Clean(input.Source);
        account.Tags = JoinTags(input.Tags);
        account.Notes = Clean(input.Notes);
        account.ParentId = input.ParentId;
        policy.Apply(account);
    }
}
