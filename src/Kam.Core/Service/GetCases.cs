using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Orders;
using Kam.Core.Users;
using Kam.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>The cases the reader may see (those of the accounts they see): the list with its filters, and one case with
/// its history.</summary>
public sealed class GetCases(IKamDb db, ICurrentUser me, TimeProvider clock, ServicePolicies policies, Kam.Core.Attachments.AccountAttachments files)
{
    private static readonly CaseStatus[] Running = [CaseStatus.New, CaseStatus.Acknowledged, CaseStatus.InProgress, CaseStatus.WaitingCustomer];

    public async Task<Result<PagedResult<CaseRow>>> List(CaseQuery query, CancellationToken ct = default)
    {
        var cases = Filter(db.Read<ServiceCase>().AsNoTracking(), query, out var invalid);
        if (invalid is not null)
            return invalid;
        var paging = new PageRequest(query.Page, query.PageSize, query.Sort);
        var total = await cases.CappedCountAsync(ct);
        var sorted = paging.SortField switch
        {
            "number" => paging.Descending ? cases.OrderByDescending(c => c.Number) : cases.OrderBy(c => c.Number),
            "due" => paging.Descending ? cases.OrderByDescending(c => c.AcknowledgedAt == null ? c.ResponseDueAt : c.ResolutionDueAt)
                : cases.OrderBy(c => c.AcknowledgedAt == null ? c.ResponseDueAt : c.ResolutionDueAt),
            "severity" => paging.Descending ? cases.OrderByDescending(c => c.Severity).ThenByDescending(c => c.ReceivedAt) : cases.OrderBy(c => c.Severity).ThenByDescending(c => c.ReceivedAt),
            _ => paging.Descending || paging.SortField is null ? cases.OrderByDescending(c => c.ReceivedAt) : cases.OrderBy(c => c.ReceivedAt),
        };
        var rows = await sorted.PageOf(paging).Select(c => new
        {
            c.Id,
            c.Number,
            c.Title,
            c.Kind,
            c.Severity,
            c.Status,
            c.AccountId,
            Account = db.Unscoped<Account>().Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstOrDefault(),
            c.Category,
            c.HandlerId,
            Handler = db.Unscoped<User>().Where(u => u.Id == c.HandlerId).Select(u => u.DisplayName).FirstOrDefault(),
            c.ReceivedAt,
            c.AcknowledgedAt,
            c.ResponseDueAt,
            c.ResolutionDueAt,
            c.ResponseWarnAt,
            c.ResolutionWarnAt,
            c.PausedAt,
            c.ResponseBreachedAt,
            c.ResolutionBreachedAt,
        }).ToListAsync(ct);
        var categories = (await policies.Get(ct)).Categories.ToDictionary(c => c.Code);
        var now = clock.GetUtcNow();
        return new PagedResult<CaseRow>(rows.Select(r =>
        {
            var timing = Timing(r.Status, r.AcknowledgedAt, r.ResponseDueAt, r.ResolutionDueAt, r.ResponseWarnAt, r.ResolutionWarnAt, r.PausedAt, now);
            return new CaseRow(r.Id, r.Number, r.Title, r.Kind, r.Severity, r.Status, r.AccountId, r.Account ?? "", CategoryName(categories, r.Category),
                r.HandlerId, r.Handler ?? "", r.ReceivedAt, r.AcknowledgedAt is null ? r.ResponseDueAt : r.ResolutionDueAt, timing,
                r.ResponseBreachedAt is not null || r.ResolutionBreachedAt is not null || timing == CaseTiming.Breached);
        }).ToList(), total);
    }

    /// <summary>The cases of a query (the list and its export).</summary>
    public IQueryable<ServiceCase> Filter(IQueryable<ServiceCase> cases, CaseQuery query, out Error? invalid)
    {
        invalid = null;
        var now = clock.GetUtcNow();
        if (query.Status is { Length: > 0 } status)
        {
            if (status.Equals("open", StringComparison.OrdinalIgnoreCase))
                cases = cases.Where(c => Running.Contains(c.Status));
            else if (Enum.TryParse<CaseStatus>(status, true, out var s) && Enum.IsDefined(s))
                cases = cases.Where(c => c.Status == s);
            else
                invalid = Error.Validation("status", "field.invalid");
        }
        if (query.Kind is { Length: > 0 } kind)
        {
            if (Enum.TryParse<CaseKind>(kind, true, out var k) && Enum.IsDefined(k))
                cases = cases.Where(c => c.Kind == k);
            else
                invalid = Error.Validation("kind", "field.invalid");
        }
        if (query.Severity is { Length: > 0 } severity)
        {
            if (Enum.TryParse<CaseSeverity>(severity, true, out var v) && Enum.IsDefined(v))
                cases = cases.Where(c => c.Severity == v);
            else
                invalid = Error.Validation("severity", "field.invalid");
        }
        if (query.Handler is { } handler)
            cases = cases.Where(c => c.HandlerId == handler);
        if (query.Account is { } account)
            cases = cases.Where(c => c.AccountId == account);
        if (query.Visit is { } visit)
            cases = cases.Where(c => c.VisitId == visit);
        if (query.Category is { Length: > 0 } category)
        {
            var code = category.Trim().ToLowerInvariant();
            cases = cases.Where(c => c.Category == code);
        }
        if (query.From is { } from)
        {
            var start = BusinessClock.StartOf(from);
            cases = cases.Where(c => c.ReceivedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = BusinessClock.StartOf(to.AddDays(1));
            cases = cases.Where(c => c.ReceivedAt < end);
        }
        if (query.Overdue == true)
        {
            cases = cases.Where(c => (c.Status == CaseStatus.New && c.ResponseDueAt < now)
                || ((c.Status == CaseStatus.Acknowledged || c.Status == CaseStatus.InProgress) && c.ResolutionDueAt < now));
        }
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            if (search.Length > 100)
            {
                invalid = Error.Validation("search", "field.too_long", 0, 100);
                return cases;
            }
            var pattern = "%" + Like.Escape(search) + "%";
            var number = "%" + Like.Escape(search.ToUpperInvariant()) + "%";
            // The index narrows to the cases whose number or title may match, then the exact test; or the cases of
            // the accounts whose names match.
            var accounts = db.Read<Account>().Containing(db, search, scoped: true).Select(a => a.Id);
            cases = cases.OwnTextOrAccount(db, SearchKind.Case, search,
                c => EF.Functions.Like(c.Number, number, Like.EscapeCharacter) || EF.Functions.Like(c.Title, pattern, Like.EscapeCharacter),
                accounts);
        }
        return cases;
    }

    public async Task<Result<CaseView>> Get(Guid id, CancellationToken ct = default)
    {
        var c = await db.Read<ServiceCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return Error.NotFound("case.not_found");
        var involvedIds = (c.Involved ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
        var events = await db.Unscoped<CaseEvent>().AsNoTracking().Where(e => e.CaseId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        var userIds = events.SelectMany(e => new[] { e.ById, e.FromUserId, e.ToUserId }).OfType<Guid>().Concat(involvedIds).Append(c.HandlerId).Distinct().ToList();
        var names = await db.Unscoped<User>().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(Guid? user) => user is { } u ? names.GetValueOrDefault(u) : null;
        var account = await db.Unscoped<Account>().Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstAsync(ct);
        var contact = c.ContactId is { } ci ? await db.Read<Contact>().Where(x => x.Id == ci).Select(x => new CaseLink(x.Id, x.Name)).FirstOrDefaultAsync(ct) : null;
        var order = c.OrderId is { } oi ? await db.Read<Order>().Where(x => x.Id == oi).Select(x => new CaseLink(x.Id, x.Number)).FirstOrDefaultAsync(ct) : null;
        var shipment = c.ShipmentId is { } si ? await db.Read<Shipment>().Where(x => x.Id == si).Select(x => new CaseLink(x.OrderId, x.Number)).FirstOrDefaultAsync(ct) : null;
        var makeUp = c.MakeUpShipmentId is { } mi ? await db.Read<Shipment>().Where(x => x.Id == mi).Select(x => new CaseLink(x.OrderId, x.Number)).FirstOrDefaultAsync(ct) : null;
        var contract = c.ContractId is { } ki ? await db.Read<Contract>().Where(x => x.Id == ki).Select(x => new CaseLink(x.Id, x.Number + " " + x.Title)).FirstOrDefaultAsync(ct) : null;
        var visit = c.VisitId is { } vi ? await db.Read<Visit>().Where(x => x.Id == vi).Select(x => new { x.Id, x.Date, x.Purpose }).FirstOrDefaultAsync(ct) : null;
        var categories = (await policies.Get(ct)).Categories.ToDictionary(x => x.Code);
        var timing = Timing(c.Status, c.AcknowledgedAt, c.ResponseDueAt, c.ResolutionDueAt, c.ResponseWarnAt, c.ResolutionWarnAt, c.PausedAt, clock.GetUtcNow());
        var mayAct = ServiceAccess.Handles(me, c);
        return new CaseView(c.Id, c.Number, c.Title, c.Kind, c.Severity, c.Channel, c.Category, CategoryName(categories, c.Category), c.Status,
            c.AccountId, account, contact, order, shipment, contract, visit is null ? null : new CaseLink(visit.Id, $"{visit.Date:yyyy-MM-dd} {visit.Purpose}".Trim()), makeUp,
            c.Description, new Person(c.HandlerId, Name(c.HandlerId) ?? ""), involvedIds.Select(i => new Person(i, Name(i) ?? "")).ToList(),
            c.ReceivedAt, c.ResponseDueAt, c.ResolutionDueAt, c.AcknowledgedAt, c.FirstResponse, c.ResponseMinutes, c.PausedAt, c.PausedMinutes,
            c.ResolvedAt, c.ResolutionMinutes, c.Resolution, c.RootCause, c.CorrectiveAction, c.CustomerSatisfied, c.CustomerFeedback, c.ConfirmedAt,
            c.ClosedAt, c.CloseNote, c.ReopenCount, c.ResponseBreachedAt, c.ResolutionBreachedAt, timing,
            events.Select(e => new CaseEventView(e.Kind, e.At, Name(e.ById), Name(e.FromUserId), Name(e.ToUserId), e.Note)).ToList(), c.Version,
            mayAct, mayAct && (!ServiceAccess.NeedsHeadToClose(c) || me.IsInRole(Identity.Roles.Head)))
        {
            Attachments = await files.OfCase(c.Id, ct),
        };
    }

    internal static string CategoryName(Dictionary<string, CaseCategory> categories, string code) =>
        categories.TryGetValue(code, out var c) ? ServicePolicies.NameOf(c) : code;

    internal static CaseTiming Timing(CaseStatus status, DateTimeOffset? acknowledged, DateTimeOffset responseDue, DateTimeOffset resolutionDue,
        DateTimeOffset responseWarn, DateTimeOffset resolutionWarn, DateTimeOffset? paused, DateTimeOffset now)
    {
        if (status is CaseStatus.Resolved or CaseStatus.Closed)
            return CaseTiming.Done;
        var (due, warn) = acknowledged is null ? (responseDue, responseWarn) : (resolutionDue, resolutionWarn);
        var at = paused ?? now;
        return at > due ? CaseTiming.Breached : at >= warn ? CaseTiming.DueSoon : CaseTiming.OnTime;
    }
}
