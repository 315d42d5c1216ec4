using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Kam.Core.Ledger;
using Kam.Core.Payments;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Targets;

public sealed record CreditShareInput(Guid? UserId, decimal? Percent);

/// <summary>A split of a contract's or a payment's credit: <paramref name="Version"/> is the record's, as the reader saw it.</summary>
public sealed record CreditSplitInput(CreditDocument? Document, Guid? DocumentId, IReadOnlyList<CreditShareInput>? Shares, string? Reason, Guid? Version);

public sealed record CreditShareView(Person Person, decimal Percent);

public sealed record CreditSplitView(Guid Id, CreditSplitStatus Status, IReadOnlyList<CreditShareView> Shares, string Reason, string ByName, DateTimeOffset At);

/// <summary>Who a record's credit goes to now (one person at 100% without a split), the splits made of it, and (for the
/// head) the people it may go to.</summary>
public sealed record CreditView(CreditDocument Document, Guid DocumentId, Guid Version, bool CanSplit, IReadOnlyList<CreditShareView> Current,
    IReadOnlyList<CreditSplitView> History, IReadOnlyList<Person> People);

/// <summary>
/// 业绩分摊: the head divides the credit of one signed contract or one payment between people (70/30, in whole or
/// hundredths of a percent summing to exactly 100), with a reason. The record carries the split, so the ledger moves
/// the figures in the same transaction (a payment's later reversal is divided the same way); each split is kept and
/// audited. One person at 100% puts the credit back on one person.
/// </summary>
public sealed class SplitCredit(IKamDb db, ICurrentUser me)
{
    public const int MaxPeople = 10;

    private static readonly ContractStatus[] Signed = [ContractStatus.Signed, ContractStatus.InForce, ContractStatus.Expired, ContractStatus.Terminated];

    public static bool May(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head);

    public async Task<Result<CreditView>> Get(CreditDocument? document, Guid? documentId, CancellationToken ct = default)
    {
        if (document is not { } kind || !Enum.IsDefined(kind))
            return Error.Validation("document", "credit.document_invalid");
        if (await FindAsync(kind, documentId, ct) is not { } record)
            return Error.NotFound("credit.not_found");
        var splits = await db.Read<CreditSplit>().AsNoTracking().Where(s => s.Document == kind && s.DocumentId == record.Id)
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToListAsync(ct);
        var ids = splits.SelectMany(s => CreditShares.Parse(s.Shares).Select(p => p.Person))
            .Concat(CreditShares.Parse(record.Shares).Select(p => p.Person))
            .Concat(splits.Select(s => s.CreatedById ?? Guid.Empty))
            .Append(record.Person).Distinct().ToList();
        var names = await db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        List<CreditShareView> View(string? text)
        {
            var shares = CreditShares.Parse(text);
            return shares.Count == 0
                ? [new CreditShareView(new Person(record.Person, names.GetValueOrDefault(record.Person, "")), 100m)]
                : shares.Select(s => new CreditShareView(new Person(s.Person, names.GetValueOrDefault(s.Person, "")), s.BasisPoints / 100m)).ToList();
        }
        var canSplit = May(me) && record.Splittable;
        var people = canSplit ? await CandidatesAsync(ct) : [];
        return new CreditView(kind, record.Id, record.Version, canSplit, View(record.Shares),
            splits.Select(s => new CreditSplitView(s.Id, s.Status, View(s.Shares), s.Reason,
                s.CreatedById is { } by ? names.GetValueOrDefault(by, "") : "", s.CreatedAt)).ToList(),
            people.Where(p => p.Id != Guid.Empty).OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList());
    }

    public async Task<Result> Handle(CreditSplitInput input, CancellationToken ct = default)
    {
        if (!May(me))
            return Error.Forbidden("credit.only_head");
        if (input.Document is not { } kind || !Enum.IsDefined(kind))
            return Error.Validation("document", "credit.document_invalid");
        if (await FindAsync(kind, input.DocumentId, ct) is not { } record)
            return Error.NotFound("credit.not_found");
        if (!record.Splittable)
            return Error.Validation("documentId", kind == CreditDocument.Contract ? "credit.contract_not_signed" : "credit.payment_reversed");

        var errors = new List<FieldError>();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            errors.Add(new FieldError("reason", "credit.reason_required"));
        else if (reason.Length > 500)
            errors.Add(new FieldError("reason", "field.too_long", 0, 500));
        var shares = input.Shares ?? [];
        if (shares.Count is 0 or > MaxPeople)
            errors.Add(new FieldError("shares", "credit.people_count", MaxPeople));
        var people = (await CandidatesAsync(ct)).Select(p => p.Id).ToHashSet();
        var wanted = new List<(Guid Person, int BasisPoints)>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < shares.Count && shares.Count <= MaxPeople; i++)
        {
            var share = shares[i];
            var field = $"shares[{i}].";
            if (share is null)
            {
                errors.Add(new FieldError(field + "userId", "credit.person_required"));
                continue;
            }
            if (share.UserId is not { } person || person == Guid.Empty)
                errors.Add(new FieldError(field + "userId", "credit.person_required"));
            else if (!people.Contains(person) && person != record.Person)
                errors.Add(new FieldError(field + "userId", "credit.person_invalid"));
            else if (!seen.Add(person))
                errors.Add(new FieldError(field + "userId", "credit.person_duplicate"));
            if (share.Percent is not { } percent || percent <= 0 || percent > 100 || decimal.Round(percent, 2) != percent)
                errors.Add(new FieldError(field + "percent", "credit.percent_invalid"));
            else if (share.UserId is { } id)
                wanted.Add((id, (int)(percent * 100)));
        }
        if (errors.Count == 0 && wanted.Sum(w => w.BasisPoints) != CreditShares.Whole)
            errors.Add(new FieldError("shares", "credit.percent_sum", wanted.Sum(w => w.BasisPoints) / 100m));
        if (input.Version is null)
            errors.Add(new FieldError("version", "field.version_required"));
        if (errors.Count > 0)
            return Error.Validation(errors);
        if (input.Version != record.Version)
            return Error.Conflict();

        // Largest share first: it takes the count and any fen left over by the division.
        var ordered = wanted.OrderByDescending(w => w.BasisPoints).ToList();
        var text = ordered is [var only] && only.Person == record.Person ? null : CreditShares.Format(ordered);
        if (text == record.Shares)
            return Error.Validation("shares", "credit.unchanged");
        record.Set(text, input.Version.Value);
        foreach (var previous in await db.Unscoped<CreditSplit>().Where(s => s.Document == kind && s.DocumentId == record.Id && s.Status == CreditSplitStatus.Active).ToListAsync(ct))
            previous.Status = CreditSplitStatus.Replaced;
        db.Unscoped<CreditSplit>().Add(new CreditSplit
        {
            AccountId = record.AccountId,
            Document = kind,
            DocumentId = record.Id,
            Shares = CreditShares.Format(ordered)!,
            Reason = reason!,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict();
        }
        return Result.Success;
    }

    /// <summary>Who credit may go to: the active account managers and heads.</summary>
    private async Task<List<Person>> CandidatesAsync(CancellationToken ct)
    {
        var ids = (await TargetAccess.ActiveManagerIdsAsync(db, ct)).Concat(await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct)).Distinct().ToList();
        return await db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    private async Task<Credited?> FindAsync(CreditDocument kind, Guid? id, CancellationToken ct)
    {
        if (id is not { } documentId)
            return null;
        if (kind == CreditDocument.Contract)
        {
            var contract = await db.Read<Contract>().FirstOrDefaultAsync(c => c.Id == documentId, ct);
            return contract is null ? null : new Credited(contract.Id, contract.AccountId, contract.Version, contract.CreditedToId ?? contract.OwnerId,
                contract.CreditShares, contract.SignedOn is not null && Signed.Contains(contract.Status) && contract.ArchivedAt is null,
                (text, version) =>
                {
                    db.Entry(contract).Property(c => c.Version).OriginalValue = version;
                    contract.CreditShares = text;
                });
        }
        var payment = await db.Read<Payment>().FirstOrDefaultAsync(p => p.Id == documentId, ct);
        if (payment is null)
            return null;
        var credited = payment.CreditedToId ?? await db.Unscoped<Account>().Where(a => a.Id == payment.AccountId).Select(a => a.OwnerId).FirstAsync(ct);
        return new Credited(payment.Id, payment.AccountId, payment.Version, credited, payment.CreditShares, payment.ReversedAt is null,
            (text, version) =>
            {
                db.Entry(payment).Property(p => p.Version).OriginalValue = version;
                payment.CreditShares = text;
            });
    }

    private sealed record Credited(Guid Id, Guid AccountId, Guid Version, Guid Person, string? Shares, bool Splittable, Action<string?, Guid> Set);
}
