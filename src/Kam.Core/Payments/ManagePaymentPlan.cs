using System.Security.Cryptography;
using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Payments;

/// <summary>
/// A contract's payment plan (回款计划): instalments with due dates and amounts that together stay within the
/// contract's effective amount. Kept from approval on (<see cref="PaymentRules.PlanEditable"/>). An instalment on
/// which money was received is never removed nor reduced below what was collected.
/// </summary>
public sealed class ManagePaymentPlan(IKamDb db, PaymentRules rules, IValidator<PaymentPlanInput> validator)
{
    public async Task<Result<PaymentPlanView>> Get(Guid contractId, CancellationToken ct = default)
    {
        var contract = await (from c in db.Read<Contract>().AsNoTracking()
                              where c.Id == contractId
                              join a in db.Unscoped<Account>() on c.AccountId equals a.Id
                              select new { c.Id, c.Number, c.Title, c.AccountId, AccountName = a.Name, c.Status, c.EffectiveAmount })
            .FirstOrDefaultAsync(ct);
        if (contract is null)
            return Error.NotFound("payment.contract_not_found");
        var instalments = await PlanOf(contractId).AsNoTracking().OrderBy(i => i.No).ToListAsync(ct);
        var paid = await PaidIds(contractId, ct);
        var today = rules.Today;
        var views = instalments.Select(i => new InstalmentView(i.Id, i.No, i.DueOn, i.Amount, i.Collected, PaymentRules.Due(i), i.Settled,
            !i.Settled && i.DueOn < today, i.Note, paid.Contains(i.Id), i.Version)).ToList();
        var planned = instalments.Sum(i => i.Amount);
        var editable = PaymentRules.PlanEditable(contract.Status);
        return new PaymentPlanView(contract.Id, contract.Number, contract.Title, contract.AccountId, contract.AccountName, contract.Status,
            contract.EffectiveAmount, planned, instalments.Sum(i => i.Collected), contract.EffectiveAmount - planned, editable,
            editable && rules.Writes, views, Stamp(instalments));
    }

    public async Task<Result> Save(Guid contractId, PaymentPlanInput input, CancellationToken ct = default)
    {
        var contract = await db.Read<Contract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
            return Error.NotFound("payment.contract_not_found");
        if (!rules.Writes)
            return Error.Forbidden("payment.read_only");
        if (!PaymentRules.PlanEditable(contract.Status))
            return Error.Conflict("payment.plan_contract_status");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        var existing = await PlanOf(contractId).ToListAsync(ct);
        if (Stamp(existing) != input.Version)
            return Error.Conflict();
        var rows = input.Instalments!;
        var byId = existing.ToDictionary(i => i.Id);
        var fields = new List<FieldError>();
        for (var n = 0; n < rows.Count; n++)
        {
            if (rows[n].Id is { } id && !byId.ContainsKey(id))
                fields.Add(new FieldError($"instalments[{n}].id", "payment.instalment_not_in_plan"));
            else if (rows[n].Id is { } kept && PaymentRules.Money(rows[n].Amount!.Value) < byId[kept].Collected)
                fields.Add(new FieldError($"instalments[{n}].amount", "payment.plan_below_collected", Money(byId[kept].Collected)));
        }
        if (rows.Where(r => r.Id is not null).GroupBy(r => r.Id).Any(g => g.Count() > 1))
            fields.Add(new FieldError("instalments", "payment.instalment_twice"));
        var total = rows.Sum(r => PaymentRules.Money(r.Amount!.Value));
        if (total > contract.EffectiveAmount)
            fields.Add(new FieldError("instalments", "payment.plan_exceeds_contract", Money(contract.EffectiveAmount)));
        if (fields.Count > 0)
            return Error.Validation(fields);
        var keptIds = rows.Where(r => r.Id is not null).Select(r => r.Id!.Value).ToHashSet();
        var removed = existing.Where(i => !keptIds.Contains(i.Id)).ToList();
        if (removed.Count > 0)
        {
            var removedIds = removed.Select(i => i.Id).ToList();
            if (await db.Unscoped<Payment>().AnyAsync(p => removedIds.Contains(p.InstalmentId), ct))
                return Error.Conflict("payment.plan_instalment_paid");
        }

        // Every check passed: only now does anything change. Numbered by due date, as the plan reads.
        foreach (var instalment in removed)
            db.Unscoped<Instalment>().Remove(instalment);
        var ordered = rows.Select((r, n) => (Row: r, Position: n)).OrderBy(x => x.Row.DueOn).ThenBy(x => x.Position).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var row = ordered[n].Row;
            var instalment = row.Id is { } id ? byId[id] : new Instalment { AccountId = contract.AccountId, ContractId = contract.Id };
            if (row.Id is null)
                db.Unscoped<Instalment>().Add(instalment);
            instalment.No = n + 1;
            instalment.DueOn = row.DueOn!.Value;
            instalment.Amount = PaymentRules.Money(row.Amount!.Value);
            instalment.Note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
            instalment.Settled = instalment.Collected >= instalment.Amount;
        }
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>The contract's own instalments (an order's receivable under the contract is not part of its plan).</summary>
    private IQueryable<Instalment> PlanOf(Guid contractId) => db.Unscoped<Instalment>().Where(i => i.ContractId == contractId && i.OrderId == null);

    private async Task<HashSet<Guid>> PaidIds(Guid contractId, CancellationToken ct) =>
        (await db.Unscoped<Payment>().Where(p => p.ContractId == contractId).Select(p => p.InstalmentId).Distinct().ToListAsync(ct)).ToHashSet();

    private static string Money(decimal amount) => Common.Money.Format(amount);

    /// <summary>One version for the whole plan, from its instalments' ids and versions.</summary>
    public static Guid Stamp(IEnumerable<Instalment> instalments)
    {
        var bytes = instalments.OrderBy(i => i.Id).SelectMany(i => i.Id.ToByteArray().Concat(i.Version.ToByteArray())).ToArray();
        return new Guid(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
