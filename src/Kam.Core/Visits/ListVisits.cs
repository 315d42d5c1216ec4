using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Visits;

/// <summary>
/// The visit lists: everyone's within the data scope (an account manager sees the visits to the accounts they see),
/// one account's history, a calendar range, one visit. Filters by person, account, dates, status, tier, overdue plans.
/// </summary>
public sealed class ListVisits(IKamDb db, ICurrentUser me, VisitRules rules)
{
    private static readonly Sorting<Visit> Sorts = new Sorting<Visit>(q => q.OrderByDescending(v => v.Date).ThenByDescending(v => v.At))
        .By("date", q => q.OrderBy(v => v.At), q => q.OrderByDescending(v => v.Date).ThenByDescending(v => v.At))
        .By("account", v => v.AccountId, q => q.ThenByDescending(v => v.At));


    public const int CalendarMax = 1000;

    public async Task<PagedResult<VisitRow>> List(VisitQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var visits = Filter(q);
        var total = await visits.CappedCountAsync(ct);
        var sorted = Sorts.Apply(visits, paging);
        return new PagedResult<VisitRow>(await Rows(sorted.PageOf(paging), ct), total);
    }

    /// <summary>The visits from <paramref name="from"/> to <paramref name="to"/> for a calendar (at most 1,000).</summary>
    public async Task<IReadOnlyList<VisitRow>> Calendar(DateOnly from, DateOnly to, Guid? userId, CancellationToken ct = default)
    {
        var visits = Filter(new VisitQuery(UserId: userId, From: from, To: to)).Where(v => v.Status != VisitStatus.Cancelled);
        return await Rows(visits.OrderBy(v => v.At).Take(CalendarMax), ct);
    }

    /// <summary>One account's visits, newest first; 404 outside the data scope.</summary>
    public async Task<Result<PagedResult<VisitRow>>> ForAccount(Guid accountId, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        return await List(new VisitQuery(AccountId: accountId, Page: page, PageSize: pageSize), ct);
    }

    public async Task<Result<VisitView>> Get(Guid id, CancellationToken ct = default)
    {
        var visit = await db.Read<Visit>().AsNoTracking().Include(v => v.Contacts).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return Error.NotFound("visit.not_found");
        var account = await db.Unscoped<Account>().AsNoTracking().Where(a => a.Id == visit.AccountId).Select(a => new { a.Name, a.Tier }).FirstAsync(ct);
        var user = await db.Unscoped<User>().AsNoTracking().Where(u => u.Id == visit.UserId).Select(u => new Person(u.Id, u.DisplayName)).FirstAsync(ct);
        var contactIds = visit.Contacts.Select(c => c.ContactId).ToList();
        var contacts = await db.Unscoped<Contact>().AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var views = visit.Contacts.OrderBy(c => c.Role).Select(c => new VisitContactView(c.ContactId, contacts[c.ContactId].Name, contacts[c.ContactId].Title, c.Role)).ToList();
        return new VisitView(visit.Id, visit.AccountId, account.Name, account.Tier, user, visit.Status, visit.At, visit.Date, visit.PlannedAt,
            visit.Purpose, visit.ExpectedOutcome, visit.DurationMinutes, visit.Summary, visit.Outcome, visit.CustomerRequests, visit.Competitors,
            visit.NextStep, visit.NextStepOn, visit.Location, visit.Latitude, visit.Longitude, visit.RecordedAt, visit.CancelReason,
            views, rules.Permissions(visit), visit.Version);
    }

    private IQueryable<Visit> Filter(VisitQuery q)
    {
        var visits = db.Read<Visit>().AsNoTracking();
        if (q.Mine == true)
            visits = visits.Where(v => v.UserId == me.Id);
        if (q.UserId is { } user)
            visits = visits.Where(v => v.UserId == user);
        if (q.AccountId is { } account)
            visits = visits.Where(v => v.AccountId == account);
        if (q.From is { } from)
            visits = visits.Where(v => v.Date >= from);
        if (q.To is { } to)
            visits = visits.Where(v => v.Date <= to);
        if (q.Status is { } status)
            visits = visits.Where(v => v.Status == status);
        if (q.Overdue == true)
        {
            var today = rules.Today;
            visits = visits.Where(v => v.Status == VisitStatus.Planned && v.Date < today);
        }
        if (q.Tier is { } tier)
            visits = visits.Where(v => db.Unscoped<Account>().Any(a => a.Id == v.AccountId && a.Tier == tier));
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim().ToLowerInvariant()) + "%";
            var accounts = db.Unscoped<Account>().Containing(db, q.Search).Select(a => a.Id);
            visits = visits.Where(v => accounts.Contains(v.AccountId)
                || (v.Summary != null && EF.Functions.Like(v.Summary, pattern, Like.EscapeCharacter))
                || (v.Purpose != null && EF.Functions.Like(v.Purpose, pattern, Like.EscapeCharacter)));
        }
        return visits;
    }

    private async Task<IReadOnlyList<VisitRow>> Rows(IQueryable<Visit> page, CancellationToken ct)
    {
        var today = rules.Today;
        var rows = await (from v in page
                          join a in db.Unscoped<Account>() on v.AccountId equals a.Id
                          join u in db.Unscoped<User>() on v.UserId equals u.Id
                          select new { v, a.Name, a.Tier, u.DisplayName }).ToListAsync(ct);
        return rows.Select(r => new VisitRow(r.v.Id, r.v.AccountId, r.Name, r.Tier, new Person(r.v.UserId, r.DisplayName), r.v.Status, r.v.At,
            r.v.Date, r.v.Purpose, r.v.Summary, r.v.NextStep, r.v.NextStepOn, r.v.Status == VisitStatus.Planned && r.v.Date < today)).ToList();
    }
}
