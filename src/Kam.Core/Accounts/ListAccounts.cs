using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>The account list's query: the same one serves the page, the API and the export.</summary>
public sealed record AccountQuery
{
    public string? Search { get; init; }
    public AccountCategory? Category { get; init; }
    public AccountTier? Tier { get; init; }
    public AccountStatus? Status { get; init; }
    public string? Province { get; init; }
    public Guid? Owner { get; init; }
    public string? Tag { get; init; }

    /// <summary>false (default): active accounts; true: the archived ones.</summary>
    public bool? Archived { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
}

public sealed class ListAccounts(IKamDb db, Divisions divisions)
{
    public async Task<PagedResult<AccountRow>> Handle(AccountQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var accounts = Filter(q);
        var total = await accounts.CountAsync(ct);
        var page = await Sort(accounts, paging).PageOf(paging).AsNoTracking().ToListAsync(ct);
        return new PagedResult<AccountRow>(await Rows(page, ct), total);
    }

    /// <summary>The filtered accounts in the list's order, for the export to stream.</summary>
    public IQueryable<Account> Query(AccountQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort)).AsNoTracking();

    public IQueryable<Account> Filter(AccountQuery q)
    {
        var accounts = q.Archived == true ? db.Read<Account>().Where(a => a.ArchivedAt != null) : db.Read<Account>().Where(a => a.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim().ToLowerInvariant()) + "%";
            accounts = accounts.Where(a => EF.Functions.Like(a.SearchText, pattern, Like.EscapeCharacter));
        }
        if (q.Category is { } category)
            accounts = accounts.Where(a => a.Category == category);
        if (q.Tier is { } tier)
            accounts = accounts.Where(a => a.Tier == tier);
        if (q.Status is { } status)
            accounts = accounts.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(q.Province))
            accounts = accounts.Where(a => a.ProvinceCode == q.Province);
        if (q.Owner is { } owner)
            accounts = accounts.Where(a => a.OwnerId == owner);
        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = q.Tag.Trim();
            accounts = accounts.Where(a => ("," + a.Tags + ",").Contains("," + tag + ","));
        }
        return accounts;
    }

    private static IQueryable<Account> Sort(IQueryable<Account> accounts, PageRequest paging) =>
        (paging.SortField?.ToLowerInvariant(), paging.Descending) switch
        {
            ("name", false) => accounts.OrderBy(a => a.Name).ThenBy(a => a.Id),
            ("name", true) => accounts.OrderByDescending(a => a.Name).ThenBy(a => a.Id),
            ("tier", false) => accounts.OrderBy(a => a.Tier).ThenBy(a => a.Name),
            ("tier", true) => accounts.OrderByDescending(a => a.Tier).ThenBy(a => a.Name),
            ("status", false) => accounts.OrderBy(a => a.Status).ThenBy(a => a.Name),
            ("status", true) => accounts.OrderByDescending(a => a.Status).ThenBy(a => a.Name),
            ("category", false) => accounts.OrderBy(a => a.Category).ThenBy(a => a.Name),
            ("category", true) => accounts.OrderByDescending(a => a.Category).ThenBy(a => a.Name),
            ("location" or "province", false) => accounts.OrderBy(a => a.ProvinceCode).ThenBy(a => a.CityCode).ThenBy(a => a.Name),
            ("location" or "province", true) => accounts.OrderByDescending(a => a.ProvinceCode).ThenByDescending(a => a.CityCode).ThenBy(a => a.Name),
            ("annualpurchase", false) => accounts.OrderBy(a => a.AnnualPurchase).ThenBy(a => a.Name),
            ("annualpurchase", true) => accounts.OrderByDescending(a => a.AnnualPurchase).ThenBy(a => a.Name),
            ("createdat", false) => accounts.OrderBy(a => a.CreatedAt),
            ("createdat", true) => accounts.OrderByDescending(a => a.CreatedAt),
            ("updatedat", false) => accounts.OrderBy(a => a.UpdatedAt),
            _ => accounts.OrderByDescending(a => a.UpdatedAt),
        };

    public async Task<IReadOnlyList<AccountRow>> Rows(IReadOnlyList<Account> page, CancellationToken ct)
    {
        var ownerIds = page.Select(a => a.OwnerId).Distinct().ToList();
        var owners = await db.Unscoped<User>().AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return page.Select(a => new AccountRow(a.Id, a.Name, a.ShortName, a.CreditCode, a.Category, a.Tier, a.Status,
            a.ProvinceCode, a.CityCode, divisions.PathOf(a.ProvinceCode, a.CityCode, null), a.OwnerId,
            owners.GetValueOrDefault(a.OwnerId, ""), a.AnnualPurchase, Tags.Split(a.Tags), a.UpdatedAt, a.ArchivedAt is not null)).ToList();
    }
}
