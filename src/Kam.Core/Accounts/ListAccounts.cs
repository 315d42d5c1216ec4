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

    /// <summary>With <see cref="CreditPeriod"/>: the records credited to this person in the period (the targets' drill-down).</summary>
    public Guid? Credited { get; init; }

    public string? CreditPeriod { get; init; }

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
        // Only the columns the row shows (not the notes, the search text, the tier rule...), and the owner's name in the
        // same statement: a page is one query besides its count.
        var page = await Sort(accounts, paging).PageOf(paging).AsNoTracking()
            .Select(a => new
            {
                a.Id,
                a.Name,
                a.ShortName,
                a.CreditCode,
                a.Category,
                a.Tier,
                a.Status,
                a.ProvinceCode,
                a.CityCode,
                a.OwnerId,
                a.AnnualPurchase,
                a.Tags,
                a.UpdatedAt,
                a.ArchivedAt,
                Owner = db.Unscoped<User>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        return new PagedResult<AccountRow>(page.Select(a => new AccountRow(a.Id, a.Name, a.ShortName, a.CreditCode, a.Category, a.Tier, a.Status,
            a.ProvinceCode, a.CityCode, divisions.PathOf(a.ProvinceCode, a.CityCode, null), a.OwnerId,
            a.Owner ?? "", a.AnnualPurchase, Tags.Split(a.Tags), a.UpdatedAt, a.ArchivedAt is not null)).ToList(), total);
    }

    /// <summary>The filtered accounts in the list's order, for the export to stream.</summary>
    public IQueryable<Account> Query(AccountQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort)).AsNoTracking();

    public IQueryable<Account> Filter(AccountQuery q)
    {
        var accounts = q.Archived == true ? db.Read<Account>().Where(a => a.ArchivedAt != null) : db.Read<Account>().Where(a => a.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            accounts = accounts.Containing(db, q.Search, scoped: true);
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
        // Developed (turned active, or created active) in the period by the person.
        if (Kam.Core.Ledger.CreditFilter.Of(q.Credited, q.CreditPeriod) is { } credit)
        {
            accounts = accounts.Where(a => a.BecameActiveOn >= credit.From && a.BecameActiveOn <= credit.To
                && (a.CreditedToId == credit.Person || (a.CreditedToId == null && a.OwnerId == credit.Person)));
        }
        if (!string.IsNullOrWhiteSpace(q.Tag))
        {
            var tag = q.Tag.Trim();
            accounts = accounts.Where(a => ("," + a.Tags + ",").Contains("," + tag + ","));
        }
        return accounts;
    }

    private static readonly Sorting<Account> Sorts = new Sorting<Account>(q => q.OrderByDescending(a => a.UpdatedAt))
        .By("name", a => a.Name, q => q.ThenBy(a => a.Id))
        .By("tier", a => a.Tier, q => q.ThenBy(a => a.Name))
        .By("status", a => a.Status, q => q.ThenBy(a => a.Name))
        .By("category", a => a.Category, q => q.ThenBy(a => a.Name))
        .By("location", q => q.OrderBy(a => a.ProvinceCode).ThenBy(a => a.CityCode).ThenBy(a => a.Name),
            q => q.OrderByDescending(a => a.ProvinceCode).ThenByDescending(a => a.CityCode).ThenBy(a => a.Name), "province")
        .By("annualPurchase", a => a.AnnualPurchase, q => q.ThenBy(a => a.Name))
        .By("createdAt", a => a.CreatedAt)
        .By("updatedAt", a => a.UpdatedAt);

    private static IQueryable<Account> Sort(IQueryable<Account> accounts, PageRequest paging) => Sorts.Apply(accounts, paging);
}
