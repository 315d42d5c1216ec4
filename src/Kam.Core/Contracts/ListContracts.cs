using Kam.Core.Accounts;
using Kam.Core.Attachments;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>The contract list's query: the same one serves the page, the API and the export.</summary>
public sealed record ContractQuery
{
    /// <summary>Number, title or account name.</summary>
    public string? Search { get; init; }
    public ContractStatus? Status { get; init; }
    public ContractKind? Kind { get; init; }
    public Guid? Owner { get; init; }
    public Guid? Account { get; init; }

    /// <summary>With <see cref="CreditPeriod"/>: the records credited to this person in the period (the targets' drill-down).</summary>
    public Guid? Credited { get; init; }

    public string? CreditPeriod { get; init; }

    /// <summary>Only running contracts whose effective end is within <see cref="ListContracts.ExpiringDays"/> days.</summary>
    public bool? Expiring { get; init; }

    /// <summary>false (default): the live ones; true: the archived drafts.</summary>
    public bool? Archived { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
}

/// <summary>The contract lists under the data scope: all, one account's, the expiring ones; and one contract.</summary>
public sealed class ListContracts(IKamDb db, ContractRules rules)
{
    public const int ExpiringDays = 30;

    public async Task<PagedResult<ContractRow>> List(ContractQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var contracts = Filter(q);
        var total = await contracts.CappedCountAsync(ct);
        return new PagedResult<ContractRow>(await Rows(Sort(contracts, paging).PageOf(paging), ct), total);
    }

    /// <summary>The filtered contracts in the list's order, for the export to stream.</summary>
    public IQueryable<Contract> Query(ContractQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort));

    public async Task<Result<PagedResult<ContractRow>>> ForAccount(Guid accountId, int? page, int? pageSize, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        return await List(new ContractQuery { Account = accountId, Page = page, PageSize = pageSize }, ct);
    }

    /// <summary>Running contracts (not supplements) whose effective end falls within the next 30 days, soonest first.</summary>
    public async Task<PagedResult<ContractRow>> Expiring(int? page, int? pageSize, CancellationToken ct = default) =>
        await List(new ContractQuery { Expiring = true, Page = page, PageSize = pageSize, Sort = "endOn" }, ct);

    public async Task<Result<ContractView>> Get(Guid id, CancellationToken ct = default)
    {
        var c = await db.Read<Contract>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return Error.NotFound("contract.not_found");
        var accountName = await db.Unscoped<Account>().Where(a => a.Id == c.AccountId).Select(a => a.Name).FirstAsync(ct);
        var people = await db.Unscoped<User>().AsNoTracking().Where(u => u.Id == c.OwnerId || u.Id == c.DrafterId).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var parent = c.ParentId is { } pid
            ? await db.Unscoped<Contract>().AsNoTracking().Where(p => p.Id == pid).Select(p => new { p.Number, p.Title }).FirstOrDefaultAsync(ct)
            : null;
        var supplements = await Rows(db.Unscoped<Contract>().AsNoTracking().Where(s => s.ParentId == c.Id && s.ArchivedAt == null).OrderBy(s => s.CreatedAt), ct);
        var copyName = c.SignedCopyId is { } copy ? await db.Read<Attachment>().Where(a => a.Id == copy).Select(a => a.FileName).FirstOrDefaultAsync(ct) : null;
        return new ContractView(c.Id, c.Number, c.Kind, c.Status, c.AccountId, accountName, c.ParentId, parent?.Number, parent?.Title,
            c.OpportunityId, c.Title, c.Amount, c.Currency, c.StartOn, c.EndOn, c.EffectiveAmount, c.EffectiveEndOn, c.PaymentTerms,
            c.NonStandardTerms, c.Changes, c.OurSignatory, c.CustomerSignatory,
            new Person(c.OwnerId, people.GetValueOrDefault(c.OwnerId, "")), new Person(c.DrafterId, people.GetValueOrDefault(c.DrafterId, "")),
            c.ApprovalId, c.SignedOn, c.SignedCopyId, copyName, c.TerminatedOn, c.TerminationReason, IsExpiring(c, rules.Today),
            c.ArchivedAt is not null, supplements, c.CreatedAt, c.UpdatedAt, c.Version, rules.Permissions(c));
    }

    public static bool IsExpiring(Contract c, DateOnly today) =>
        c.Kind != ContractKind.Supplementary && c.Status is ContractStatus.Signed or ContractStatus.InForce
        && c.EffectiveEndOn >= today && c.EffectiveEndOn <= today.AddDays(ExpiringDays);

    private IQueryable<Contract> Filter(ContractQuery q)
    {
        var contracts = q.Archived == true ? db.Read<Contract>().Where(c => c.ArchivedAt != null) : db.Read<Contract>().Where(c => c.ArchivedAt == null);
        if (q.Status is { } status)
            contracts = contracts.Where(c => c.Status == status);
        if (q.Kind is { } kind)
            contracts = contracts.Where(c => c.Kind == kind);
        if (q.Owner is { } owner)
            contracts = contracts.Where(c => c.OwnerId == owner);
        if (q.Account is { } account)
            contracts = contracts.Where(c => c.AccountId == account);
        if (Kam.Core.Ledger.CreditFilter.Of(q.Credited, q.CreditPeriod) is { } credit)
        {
            var share = credit.Share;
            contracts = contracts.Where(c => c.SignedOn >= credit.From && c.SignedOn <= credit.To
                && ((c.CreditShares == null && (c.CreditedToId == credit.Person || (c.CreditedToId == null && c.OwnerId == credit.Person)))
                    || (c.CreditShares != null && c.CreditShares.Contains(share))));
        }
        if (q.Expiring == true)
        {
            var today = rules.Today;
            var until = today.AddDays(ExpiringDays);
            contracts = contracts.Where(c => (c.Status == ContractStatus.Signed || c.Status == ContractStatus.InForce)
                && c.EffectiveEndOn >= today && c.EffectiveEndOn <= until && c.Kind != ContractKind.Supplementary);
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            var exact = "%" + Like.Escape(text) + "%";
            var number = "%" + Like.Escape(text.ToUpperInvariant()) + "%";
            // Both through the search index: the contracts whose number or title may match (then the exact test), and
            // the contracts of the accounts that match; never a contains-test over every contract.
            var accounts = db.Read<Account>().Containing(db, text, scoped: true).Select(a => a.Id);
            contracts = contracts.OwnTextOrAccount(db, SearchKind.Contract, text,
                c => EF.Functions.Like(c.Number, number, Like.EscapeCharacter) || EF.Functions.Like(c.Title, exact, Like.EscapeCharacter),
                accounts);
        }
        return contracts;
    }

    private static readonly Sorting<Contract> Sorts = new Sorting<Contract>(q => q.OrderByDescending(c => c.CreatedAt))
        .By("number", c => c.Number)
        .By("title", c => c.Title, q => q.ThenBy(c => c.Id))
        .By("amount", c => c.EffectiveAmount, q => q.ThenBy(c => c.Id), "effectiveAmount")
        .By("endOn", c => c.EffectiveEndOn, q => q.ThenBy(c => c.Id), "effectiveEndOn")
        .By("startOn", c => c.StartOn, q => q.ThenBy(c => c.Id))
        .By("status", c => c.Status, q => q.ThenByDescending(c => c.CreatedAt))
        .By("createdAt", c => c.CreatedAt);

    private static IQueryable<Contract> Sort(IQueryable<Contract> contracts, PageRequest paging) => Sorts.Apply(contracts, paging);

    private async Task<IReadOnlyList<ContractRow>> Rows(IQueryable<Contract> page, CancellationToken ct)
    {
        var today = rules.Today;
        // Only the columns the row shows (not the terms, the changes, the signatories...).
        var rows = await (from c in page.AsNoTracking()
                          join a in db.Unscoped<Account>() on c.AccountId equals a.Id
                          join u in db.Unscoped<User>() on c.OwnerId equals u.Id
                          select new
                          {
                              c = new Contract
                              {
                                  Id = c.Id,
                                  Number = c.Number,
                                  Kind = c.Kind,
                                  Status = c.Status,
                                  AccountId = c.AccountId,
                                  Title = c.Title,
                                  Amount = c.Amount,
                                  EffectiveAmount = c.EffectiveAmount,
                                  StartOn = c.StartOn,
                                  EffectiveEndOn = c.EffectiveEndOn,
                                  OwnerId = c.OwnerId,
                                  ParentId = c.ParentId,
                                  SignedOn = c.SignedOn,
                                  ArchivedAt = c.ArchivedAt,
                                  CreatedAt = c.CreatedAt,
                              },
                              a.Name,
                              u.DisplayName,
                          }).ToListAsync(ct);
        return rows.Select(r => new ContractRow(r.c.Id, r.c.Number, r.c.Kind, r.c.Status, r.c.AccountId, r.Name, r.c.Title, r.c.Amount,
            r.c.EffectiveAmount, r.c.StartOn, r.c.EffectiveEndOn, r.c.OwnerId, r.DisplayName, r.c.ParentId, r.c.SignedOn,
            IsExpiring(r.c, today), r.c.ArchivedAt is not null, r.c.CreatedAt)).ToList();
    }
}
