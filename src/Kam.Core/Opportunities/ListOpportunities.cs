using System.Globalization;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>The project list's query (page, API, export and the account's tab), always under the data scope.</summary>
public sealed class ListOpportunities(IKamDb db, OpportunityRules rules)
{
    public async Task<PagedResult<OpportunityView>> List(OpportunityQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var filtered = Filter(q);
        var total = await filtered.CountAsync(ct);
        var page = await Sort(filtered, paging).PageOf(paging).ToListAsync(ct);
        return new PagedResult<OpportunityView>(await Views(page, ct), total);
    }

    public async Task<Result<OpportunityView>> Get(Guid id, CancellationToken ct = default)
    {
        var opportunity = await db.Read<Opportunity>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
            return Error.NotFound("opportunity.not_found");
        return (await Views([opportunity], ct))[0];
    }

    /// <summary>The 商机 tab: the account's projects, open first, then by expected signing date.</summary>
    public async Task<Result<PagedResult<OpportunityView>>> ForAccount(Guid accountId, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        var paging = new PageRequest(page ?? 1, pageSize ?? 10);
        var all = db.Read<Opportunity>().AsNoTracking().Where(o => o.AccountId == accountId && o.ArchivedAt == null);
        var total = await all.CountAsync(ct);
        var rows = await all.OrderBy(o => o.Status == OpportunityStatus.Open ? 0 : 1).ThenBy(o => o.ExpectedSignOn).ThenBy(o => o.Id)
            .PageOf(paging).ToListAsync(ct);
        return new PagedResult<OpportunityView>(await Views(rows, ct), total);
    }

    /// <summary>The filtered projects in the list's order, for the export to stream.</summary>
    public IQueryable<Opportunity> Query(OpportunityQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort));

    public IQueryable<Opportunity> Filter(OpportunityQuery q)
    {
        var all = db.Read<Opportunity>().AsNoTracking();
        var opportunities = q.Archived == true ? all.Where(o => o.ArchivedAt != null) : all.Where(o => o.ArchivedAt == null);
        if (q.AccountId is { } accountId)
            opportunities = opportunities.Where(o => o.AccountId == accountId);
        if (q.Status is { } status)
            opportunities = opportunities.Where(o => o.Status == status);
        if (!string.IsNullOrWhiteSpace(q.Stage))
            opportunities = opportunities.Where(o => o.Stage == q.Stage);
        if (q.OwnerId is { } ownerId)
            opportunities = opportunities.Where(o => o.OwnerId == ownerId);
        if (Kam.Core.Ledger.CreditFilter.Of(q.Credited, q.CreditPeriod) is { } credit)
        {
            opportunities = opportunities.Where(o => o.OpenedOn >= credit.From && o.OpenedOn <= credit.To
                && (o.CreditedToId == credit.Person || (o.CreditedToId == null && o.OwnerId == credit.Person)));
        }
        if (ParseMonth(q.Month) is { } month)
        {
            var next = month.AddMonths(1);
            opportunities = opportunities.Where(o => o.ExpectedSignOn >= month && o.ExpectedSignOn < next);
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim().ToLowerInvariant()) + "%";
            // Both through the search index: the projects whose name may match (then the exact test), and the
            // projects of the accounts that match.
            var text = q.Search.Trim().ToLowerInvariant();
            var accounts = db.Unscoped<Account>().Containing(db, q.Search).Select(a => a.Id);
            opportunities = opportunities.OwnTextOrAccount(db, SearchKind.Opportunity, text,
                o => EF.Functions.Like(o.Name.ToLower(), pattern, Like.EscapeCharacter), accounts);
        }
        return opportunities;
    }

    /// <summary>yyyy-MM → the first day of that month; anything else → none.</summary>
    public static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month?.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
        && d.Year is >= InputGuard.FirstYear and <= InputGuard.LastYear ? d : null;

    private static IQueryable<Opportunity> Sort(IQueryable<Opportunity> o, PageRequest paging) =>
        (paging.SortField?.ToLowerInvariant(), paging.Descending) switch
        {
            ("name", false) => o.OrderBy(x => x.Name).ThenBy(x => x.Id),
            ("name", true) => o.OrderByDescending(x => x.Name).ThenBy(x => x.Id),
            ("expectedamount", false) => o.OrderBy(x => x.ExpectedAmount).ThenBy(x => x.Id),
            ("expectedamount", true) => o.OrderByDescending(x => x.ExpectedAmount).ThenBy(x => x.Id),
            ("expectedsignon", false) => o.OrderBy(x => x.ExpectedSignOn).ThenBy(x => x.Id),
            ("expectedsignon", true) => o.OrderByDescending(x => x.ExpectedSignOn).ThenBy(x => x.Id),
            ("probability", false) => o.OrderBy(x => x.Probability).ThenBy(x => x.Id),
            ("probability", true) => o.OrderByDescending(x => x.Probability).ThenBy(x => x.Id),
            ("status", false) => o.OrderBy(x => x.Status).ThenBy(x => x.Id),
            ("status", true) => o.OrderByDescending(x => x.Status).ThenBy(x => x.Id),
            ("createdat", false) => o.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id),
            ("createdat", true) => o.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id),
            ("updatedat", false) => o.OrderBy(x => x.UpdatedAt).ThenBy(x => x.Id),
            _ => o.OrderByDescending(x => x.UpdatedAt).ThenBy(x => x.Id),
        };

    /// <summary>Projects with their account, owner and stage names, in the given order.</summary>
    public async Task<IReadOnlyList<OpportunityView>> Views(IReadOnlyList<Opportunity> page, CancellationToken ct)
    {
        var accountIds = page.Select(o => o.AccountId).Distinct().ToList();
        var ownerIds = page.Select(o => o.OwnerId).Distinct().ToList();
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var owners = await db.Unscoped<User>().AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var stages = await rules.StagesAsync(ct);
        return page.Select(o => new OpportunityView(o.Id, o.AccountId, accounts.GetValueOrDefault(o.AccountId, ""), o.Name, o.Products,
            o.ExpectedAmount, o.Stage, StageName(stages, o), o.Probability, o.Status, o.ExpectedSignOn, o.Competitors,
            new Person(o.OwnerId, owners.GetValueOrDefault(o.OwnerId, "")), o.NextStep, o.NextStepOn, o.LostReason, o.ClosedOn, o.Rank,
            o.ArchivedAt is not null, o.CreatedAt, o.UpdatedAt, o.Version, rules.Permissions(o))).ToList();
    }

    /// <summary>The stage's configured name; a stage the head has since removed shows its key.</summary>
    public static string StageName(IReadOnlyList<OpportunityStage> stages, Opportunity o) =>
        stages.FirstOrDefault(s => s.Key == o.Stage)?.Name ?? o.Stage;
}
