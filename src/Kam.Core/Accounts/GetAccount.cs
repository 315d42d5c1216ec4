using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>The account page (客户 360) header and profile. Someone outside the data scope gets 404, not the record.</summary>
public sealed class GetAccount(IKamDb db, ICurrentUser me, Divisions divisions, Microsoft.Extensions.Options.IOptions<PrivacyOptions> privacy)
{
    public async Task<Result<AccountDetail>> Handle(Guid id, CancellationToken ct = default)
    {
        var a = await db.Read<Account>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
            return Error.NotFound("account.not_found");
        var memberIds = await db.Unscoped<AccountMember>().Where(m => m.AccountId == id).Select(m => m.UserId).ToListAsync(ct);
        var peopleIds = memberIds.Append(a.OwnerId).ToList();
        var people = await db.Unscoped<User>().AsNoTracking().Where(u => peopleIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var parentName = a.ParentId is { } pid ? await db.Read<Account>().Where(p => p.Id == pid).Select(p => p.Name).FirstOrDefaultAsync(ct) : null;
        var contactCount = await db.Read<Contact>().CountAsync(c => c.AccountId == id && c.ArchivedAt == null, ct);
        var isHead = DataScope.ManagesAccounts(me);
        var onTeam = a.OwnerId == me.Id || (me.Id is { } myId && memberIds.Contains(myId));
        var can = new AccountPermissions(
            Edit: DataScope.EditsAccounts(me) && a.ArchivedAt is null,
            ManageTeam: isHead && a.ArchivedAt is null,
            Archive: isHead,
            OverrideTier: isHead && a.ArchivedAt is null,
            SeeMobiles: me.IsSystem || privacy.Value.FullMobileRoles.Any(me.IsInRole) || onTeam);
        return new AccountDetail(a.Id, a.Name, a.ShortName, a.CreditCode, a.CreditCodeNote, a.Category, a.Industry,
            a.ProvinceCode, a.CityCode, a.DistrictCode, divisions.PathOf(a.ProvinceCode, a.CityCode, a.DistrictCode),
            a.Address, a.Website, a.AnnualRevenue, a.AnnualPurchase, a.Brands, a.Status,
            new Person(a.OwnerId, people.GetValueOrDefault(a.OwnerId, "")),
            memberIds.Select(m => new Person(m, people.GetValueOrDefault(m, ""))).OrderBy(p => p.DisplayName).ToList(),
            a.Source, Tags.Split(a.Tags), a.Notes, a.ParentId, parentName, a.Tier, a.ComputedTier, a.TierRule, a.TierOverride,
            a.TierOverrideReason, contactCount, a.ArchivedAt is not null, a.CreatedAt, a.UpdatedAt, a.Version, can);
    }
}
