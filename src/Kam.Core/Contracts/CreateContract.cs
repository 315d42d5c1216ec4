using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>Drafts a contract or supplementary agreement with the next number; the drafter is whoever creates it.</summary>
public sealed class CreateContract(IKamDb db, ICurrentUser me, IValidator<ContractInput> validator, ContractRules rules, ContractNumbers numbers)
{
    public async Task<Result<Guid>> Handle(ContractInput input, CancellationToken ct = default)
    {
        if (!rules.Drafts)
            return Error.Forbidden("contract.read_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var contract = new Contract { DrafterId = me.Id ?? Guid.Empty, Status = ContractStatus.Draft };
        if (await rules.ApplyAsync(contract, input, ct) is { } error)
            return error;

        for (var attempt = 1; ; attempt++)
        {
            contract.Number = await numbers.NextAsync(ct);
            db.Unscoped<Contract>().Add(contract);
            try
            {
                await db.SaveChangesAsync(ct);
                return contract.Id;
            }
            catch (DbUpdateException) when (attempt < ContractNumbers.Attempts)
            {
                // Another create took this number (or started this year's counter) in between: take the next one.
                db.ChangeTracker.Clear();
            }
        }
    }
}
