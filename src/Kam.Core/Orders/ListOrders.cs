using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>The order list's query: the same one serves the page, the API and the export.</summary>
public sealed record OrderQuery
{
    /// <summary>Order number, or the account's name.</summary>
    public string? Search { get; init; }
    public OrderStatus? Status { get; init; }

    /// <summary>true: every status but closed and cancelled.</summary>
    public bool? Open { get; init; }
    public OrderApproval? Approval { get; init; }
    public Guid? AccountId { get; init; }
    public Guid? ContractId { get; init; }
    public Guid? Owner { get; init; }

    /// <summary>With <see cref="CreditPeriod"/>: the records credited to this person in the period (the targets' drill-down).</summary>
    public Guid? Credited { get; init; }

    public string? CreditPeriod { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
}

/// <summary>Orders under the data scope with filters, sort and paging (indexes on status/date, owner/date, account/date).</summary>
public sealed class ListOrders(IKamDb db)
{
    public async Task<PagedResult<OrderRow>> Handle(OrderQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var orders = Filter(q);
        var total = await orders.CappedCountAsync(ct);
        // The page's numbers first: with the default order and a search, the candidates (the orders of a thousand
        // matching accounts) are sorted on the columns of their account index alone; then the rows of those numbers.
        var numbers = await Sort(orders, paging).PageOf(paging).Select(o => o.Number).ToListAsync(ct);
        var place = numbers.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        // Only the columns the row shows (not the address, the note, the cancel reason...).
        var page = (await db.Unscoped<Order>().AsNoTracking().Where(o => numbers.Contains(o.Number))
            .Select(o => new Order
            {
                Id = o.Id,
                Number = o.Number,
                AccountId = o.AccountId,
                ContractId = o.ContractId,
                OwnerId = o.OwnerId,
                OrderedOn = o.OrderedOn,
                PaymentDueOn = o.PaymentDueOn,
                Status = o.Status,
                Approval = o.Approval,
                Total = o.Total,
                Collected = o.Collected,
            }).ToListAsync(ct)).OrderBy(o => place[o.Number]).ToList();
        return new PagedResult<OrderRow>(await RowsAsync(page, ct), total);
    }

    public IQueryable<Order> Query(OrderQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort)).AsNoTracking();

    private IQueryable<Order> Filter(OrderQuery q)
    {
        var orders = db.Read<Order>().Where(o => o.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            // A number from its beginning as a range of the number index (what LIKE 'KA-2026%' meant, without a scan),
            // and the orders of the accounts the search index finds.
            var numberFrom = text.ToUpperInvariant();
            var numberUntil = numberFrom + char.MaxValue;
            var accounts = db.Read<Account>().Containing(db, text, scoped: true).Select(a => a.Id);
            // Numbers are ASCII (SO-2026-000123): a fragment with any other character (华远) begins none, and leaving the
            // range out spares the OR that makes the database fetch every candidate row.
            var ofAccounts = DocumentSearch.InAccounts<Order>(db, accounts);
            orders = numberFrom.All(char.IsAscii)
                ? orders.Where(DocumentSearch.Either(o => string.Compare(o.Number, numberFrom) >= 0 && string.Compare(o.Number, numberUntil) < 0, ofAccounts))
                : orders.Where(ofAccounts);
        }
        if (q.Status is { } status)
            orders = orders.Where(o => o.Status == status);
        if (q.Open == true)
            orders = orders.Where(o => o.Status != OrderStatus.Closed && o.Status != OrderStatus.Cancelled);
        if (q.Approval is { } approval)
            orders = orders.Where(o => o.Approval == approval);
        if (q.AccountId is { } account)
            orders = orders.Where(o => o.AccountId == account);
        if (q.ContractId is { } contract)
            orders = orders.Where(o => o.ContractId == contract);
        if (q.Owner is { } owner)
            orders = orders.Where(o => o.OwnerId == owner);
        // Confirmed in the period, or cancelled in it (which takes the amount back then).
        if (Kam.Core.Ledger.CreditFilter.Of(q.Credited, q.CreditPeriod) is { } credit)
        {
            orders = orders.Where(o => ((o.ConfirmedOn >= credit.From && o.ConfirmedOn <= credit.To) || (o.CancelledOn >= credit.From && o.CancelledOn <= credit.To))
                && (o.CreditedToId == credit.Person || (o.CreditedToId == null && o.OwnerId == credit.Person)));
        }
        if (q.From is { } from)
            orders = orders.Where(o => o.OrderedOn >= from);
        if (q.To is { } to)
            orders = orders.Where(o => o.OrderedOn <= to);
        return orders;
    }

    private static readonly Sorting<Order> Sorts = new Sorting<Order>(q => q.OrderByDescending(o => o.OrderedOn).ThenByDescending(o => o.Number))
        .By("number", o => o.Number)
        .By("total", o => o.Total, q => q.ThenBy(o => o.Number))
        .By("status", o => o.Status, q => q.ThenByDescending(o => o.OrderedOn))
        .By("paymentDueOn", o => o.PaymentDueOn, q => q.ThenBy(o => o.Number))
        .By("orderedOn", q => q.OrderBy(o => o.OrderedOn).ThenBy(o => o.Number), q => q.OrderByDescending(o => o.OrderedOn).ThenByDescending(o => o.Number));

    private static IQueryable<Order> Sort(IQueryable<Order> orders, PageRequest paging) => Sorts.Apply(orders, paging);

    public async Task<IReadOnlyList<OrderRow>> RowsAsync(IReadOnlyList<Order> page, CancellationToken ct)
    {
        var accountIds = page.Select(o => o.AccountId).Distinct().ToList();
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var ownerIds = page.Select(o => o.OwnerId).Distinct().ToList();
        var owners = await db.Unscoped<User>().AsNoTracking().Where(u => ownerIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var contractIds = page.Where(o => o.ContractId != null).Select(o => o.ContractId!.Value).Distinct().ToList();
        var contracts = await db.Unscoped<Contract>().AsNoTracking().Where(c => contractIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        return page.Select(o => new OrderRow(o.Id, o.Number, o.AccountId, accounts.GetValueOrDefault(o.AccountId, ""), o.ContractId,
            o.ContractId is { } c ? contracts.GetValueOrDefault(c) : null, o.OwnerId, owners.GetValueOrDefault(o.OwnerId, ""), o.OrderedOn, o.PaymentDueOn,
            o.Status, o.Approval, o.Total, o.Collected)).ToList();
    }
}
