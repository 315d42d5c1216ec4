using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Commission;

/// <summary>
/// What a deal would earn an account manager under the scheme in force (提成试算): the month's base so far, then the same
/// with the deal collected today, through the same arithmetic as the run; the difference is what the deal adds (before
/// the appraisal coefficient, which is known only at month end; the last one is shown).
/// </summary>
public sealed class CommissionCalculator(IKamDb db, ICurrentUser me, TimeProvider clock, CommissionSources sources)
{
    public async Task<Result<CalculatorView>> Handle(CalculatorInput input, CancellationToken ct = default)
    {
        if (me.Id is not { } id)
            return Error.Forbidden();
        if (input.Amount is not { } amount || amount <= 0 || amount > 10_000_000_000m || decimal.Round(amount, 2) != amount)
            return Error.Validation("amount", "field.amount_range");
        if (input.Brand?.Length > 50 || input.Series?.Length > 50)
            return Error.Validation("brand", "field.too_long", 0, 50);
        var today = clock.Today();
        var month = Period.MonthOf(today).Start;
        if (await CommissionSchemes.ForMonthAsync(db, month, ct) is not { } scheme)
            return Error.Conflict("commission.no_scheme");
        var account = input.AccountId is { } accountId
            ? await db.Read<Account>().AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Category, a.BecameActiveOn }).FirstOrDefaultAsync(ct)
            : null;
        if (input.AccountId is not null && account is null)
            return Error.Validation("accountId", "field.invalid");
        var definition = CommissionRules.Parse(scheme.Definition);
        var now = await sources.MonthSoFarAsync(definition, id, today, ct);
        var before = CommissionEngine.Compute(definition, now);
        var deal = new BaseItem(Guid.Empty, Text.Get("commission.calculator_deal"), input.AccountId ?? Guid.Empty, today, amount, input.Brand, input.Series,
            account?.BecameActiveOn is { } active && active > month.AddMonths(1).AddDays(-1).AddYears(-1), account?.Category ?? AccountCategory.Other);
        var after = CommissionEngine.Compute(definition, now with { Items = now.Items.Append(deal).ToList() });
        var line = after.Lines.LastOrDefault(l => l.Kind == LineKind.Base && l.SourceId == Guid.Empty);
        var last = await db.Read<Appraisals.Appraisal>().AsNoTracking().Where(a => a.PersonId == id && a.Total != null).OrderByDescending(a => a.Month)
            .Select(a => a.Coefficient).FirstOrDefaultAsync(ct);
        var total = now.Items.Sum(i => i.Amount) + amount;
        return new CalculatorView(amount, after.Subtotal - before.Subtotal, line is null ? "" : CommissionText.Render(line.Explain), total, now.Target,
            now.Target is > 0 ? Math.Round(total * 100 / now.Target.Value, 1, MidpointRounding.AwayFromZero) : null, last, scheme.Name);
    }
}
