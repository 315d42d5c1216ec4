using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Orders;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Payments;

/// <summary>The payments the caller may see, filtered, sorted and paged on the server; one payment by id.</summary>
public sealed class ListPayments(IKamDb db)
{
    public async Task<PagedResult<PaymentRow>> Handle(PaymentQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var payments = Filter(q);
        var total = await payments.CountAsync(ct);
        var page = await Sort(payments, paging).PageOf(paging).AsNoTracking().ToListAsync(ct);
        return new PagedResult<PaymentRow>(await Rows(page, ct), total);
    }

    public async Task<Result<PaymentRow>> Get(Guid id, CancellationToken ct = default)
    {
        var payment = await db.Read<Payment>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return payment is null ? Error.NotFound("payment.not_found") : (await Rows([payment], ct))[0];
    }

    /// <summary>The filtered payments in the list's order, for the export to stream.</summary>
    public IQueryable<Payment> Query(PaymentQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort)).AsNoTracking();

    private IQueryable<Payment> Filter(PaymentQuery q)
    {
        var payments = db.Read<Payment>();
        if (q.AccountId is { } accountId)
            payments = payments.Where(p => p.AccountId == accountId);
        if (q.OwnerId is { } ownerId)
            payments = payments.Where(p => db.Unscoped<Account>().Any(a => a.Id == p.AccountId && a.OwnerId == ownerId));
        if (q.ContractId is { } contractId)
            payments = payments.Where(p => p.ContractId == contractId);
        if (q.OrderId is { } orderId)
            payments = payments.Where(p => p.OrderId == orderId);
        if (q.From is { } from)
            payments = payments.Where(p => p.ReceivedOn >= from);
        if (q.To is { } to)
            payments = payments.Where(p => p.ReceivedOn <= to);
        // Received, or reversed, in the period and credited to the person (or to one of the people of its split).
        if (Kam.Core.Ledger.CreditFilter.Of(q.Credited, q.CreditPeriod) is { } credit)
        {
            var share = credit.Share;
            var (fromAt, untilAt) = credit.Instants;
            payments = payments.Where(p => ((p.ReceivedOn >= credit.From && p.ReceivedOn <= credit.To) || (p.ReversedAt >= fromAt && p.ReversedAt < untilAt))
                && ((p.CreditShares == null && p.CreditedToId == credit.Person) || (p.CreditShares != null && p.CreditShares.Contains(share))));
        }
        if (q.Method is { } method)
            payments = payments.Where(p => p.Method == method);
        if (q.Reversed is { } reversed)
            payments = reversed ? payments.Where(p => p.ReversedAt != null) : payments.Where(p => p.ReversedAt == null);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim().ToLowerInvariant();
            var pattern = "%" + Like.Escape(text) + "%";
            var accounts = db.Unscoped<Account>().Containing(db, q.Search).Select(a => a.Id);
            // Both through the search index: the payments whose reference or note may match (then the exact test), and
            // the payments of the accounts that match; never a contains-test over every payment.
            payments = payments.OwnTextOrAccount(db, SearchKind.Payment, text,
                p => EF.Functions.Like(p.Reference!.ToLower(), pattern, Like.EscapeCharacter) || EF.Functions.Like(p.Note!.ToLower(), pattern, Like.EscapeCharacter),
                accounts);
        }
        return payments;
    }

    private static readonly Sorting<Payment> Sorts = new Sorting<Payment>(q => q.OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Id))
        .By("amount", p => p.Amount, q => q.ThenBy(p => p.Id))
        .By("receivedOn", q => q.OrderBy(p => p.ReceivedOn).ThenBy(p => p.Id), q => q.OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Id));

    private static IQueryable<Payment> Sort(IQueryable<Payment> payments, PageRequest paging) => Sorts.Apply(payments, paging);

    private async Task<IReadOnlyList<PaymentRow>> Rows(IReadOnlyList<Payment> page, CancellationToken ct)
    {
        var accountIds = page.Select(p => p.AccountId).Distinct().ToList();
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var contractIds = page.Where(p => p.ContractId != null).Select(p => p.ContractId!.Value).Distinct().ToList();
        var contracts = await db.Unscoped<Contract>().AsNoTracking().Where(c => contractIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var orderIds = page.Where(p => p.OrderId != null).Select(p => p.OrderId!.Value).Distinct().ToList();
        var orders = await db.Unscoped<Order>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.Number }).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        var instalmentIds = page.Select(p => p.InstalmentId).Distinct().ToList();
        var nos = await db.Unscoped<Instalment>().AsNoTracking().Where(i => instalmentIds.Contains(i.Id)).Select(i => new { i.Id, i.No }).ToDictionaryAsync(i => i.Id, i => i.No, ct);
        var userIds = page.Where(p => p.CreatedById != null).Select(p => p.CreatedById!.Value).Distinct().ToList();
        var users = await db.Unscoped<User>().AsNoTracking().Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return page.Select(p => new PaymentRow(p.Id, p.AccountId, accounts.GetValueOrDefault(p.AccountId, ""), p.InstalmentId,
            nos.GetValueOrDefault(p.InstalmentId), p.ContractId, p.ContractId is { } c ? contracts.GetValueOrDefault(c) : null, p.OrderId,
            p.OrderId is { } o ? orders.GetValueOrDefault(o) : null, p.ReceivedOn, p.Amount, p.Method, p.Reference, p.Note, p.ReversedAt,
            p.ReversalReason, p.CreatedById is { } u ? users.GetValueOrDefault(u) : null, p.Version)).ToList();
    }
}
