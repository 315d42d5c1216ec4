using System.Globalization;
using Kam.Core.Accounts;

namespace Kam.Core.Commission;

/// <summary>A part of a person's base: a payment (or contract), or one brand's share of it by the order's lines.</summary>
public sealed record BaseItem(Guid SourceId, string Reference, Guid AccountId, DateOnly On, decimal Amount, string? Brand = null, string? Series = null,
    bool NewAccount = false, AccountCategory Category = AccountCategory.Other);

/// <summary>A hold of an approved run whose account's receivables have since been collected: paid out now.</summary>
public sealed record Release(Guid HoldLineId, Guid? SourceId, Guid? AccountId, string? Reference, decimal Amount, string Month);

/// <summary>A payment counted in an approved run and reversed this month: what it earned there is taken back.</summary>
public sealed record Clawback(Guid SourceId, Guid AccountId, string Reference, decimal Amount, string Month);

/// <summary>What a person's statement is computed from.</summary>
public sealed record StatementInput(IReadOnlyList<BaseItem> Items, decimal? Target, decimal? Challenge, decimal? Coefficient, string? Grade,
    IReadOnlySet<Guid> OverdueAccounts, IReadOnlyList<Release> Releases, IReadOnlyList<Clawback> Clawbacks);

public sealed record LineDraft(LineKind Kind, Guid? SourceId, Guid? AccountId, string? Reference, decimal BaseAmount, decimal? Rate, decimal Amount, string Explain,
    Guid? HoldLineId = null);

public sealed record StatementDraft(decimal Base, decimal? Target, decimal Subtotal, decimal Coefficient, string? Grade, decimal Held, decimal Released, decimal Clawback,
    decimal Total, IReadOnlyList<LineDraft> Lines);

/// <summary>
/// The commission arithmetic, on its own (no database): a person's base items in date order through the scheme's rules
/// into lines, each rounded to the fen and explaining itself; the subtotal, the coefficient's adjustment, holds, releases
/// and clawbacks are lines too, so a statement's lines always add up to its total.
/// </summary>
public static class CommissionEngine
{
    public static StatementDraft Compute(CommissionDefinition d, StatementInput input)
    {
        var lines = new List<LineDraft>();
        var items = input.Items.OrderBy(i => i.On).ThenBy(i => i.Reference, StringComparer.Ordinal).ToList();
        var total = items.Sum(i => i.Amount);
        var special = items.Select(i => (Item: i, Rate: SpecialOf(d, i))).ToList();
        var common = special.Where(x => x.Rate is null).Select(x => x.Item).ToList();
        var commonTotal = common.Sum(i => i.Amount);
        var target = input.Target is > 0 ? input.Target : null;
        var achievement = target is { } t ? Math.Round(total * 100 / t, 1, MidpointRounding.AwayFromZero) : (decimal?)null;
        var bandRate = achievement is { } a ? (d.Bands ?? []).OrderByDescending(b => b.FromPercent).FirstOrDefault(b => a >= b.FromPercent)?.Rate ?? 0 : 0;
        var wholeRate = (d.Brackets ?? []).OrderByDescending(b => b.From).FirstOrDefault(b => commonTotal >= b.From)?.Rate ?? 0;
        decimal cumulative = 0;
        foreach (var (item, rate) in special)
        {
            if (rate is { } sr)
            {
                var r = sr.Rate;
                lines.Add(Line(LineKind.Base, item, r, item.Amount * r / 100, "commission.line.special", Money(item.Amount), item.Reference, Label(item, sr.Kind), Pct(r)));
                continue;
            }
            var before = cumulative;
            cumulative += item.Amount;
            switch (d.Mode)
            {
                case RateMode.Flat:
                    lines.Add(Line(LineKind.Base, item, d.Rate, item.Amount * d.Rate / 100, "commission.line.flat", Money(item.Amount), item.Reference, Pct(d.Rate)));
                    break;
                case RateMode.Brackets when d.Marginal:
                    var slices = Slices(d.Brackets ?? [], before, cumulative);
                    lines.Add(Line(LineKind.Base, item, null, slices.Sum(s => s.Amount * s.Rate / 100), "commission.line.marginal", Money(item.Amount), item.Reference,
                        Money(before), Money(cumulative), string.Join(";", slices.Select(x => $"{Money(x.Amount)}@{Pct(x.Rate)}"))));
                    break;
                case RateMode.Brackets:
                    lines.Add(Line(LineKind.Base, item, wholeRate, item.Amount * wholeRate / 100, "commission.line.whole", Money(item.Amount), item.Reference, Pct(wholeRate),
                        Money(commonTotal)));
                    break;
                default:
                    if (target is not { } goal)
                    {
                        lines.Add(Line(LineKind.Base, item, 0, 0, "commission.line.no_target", Money(item.Amount), item.Reference));
                        break;
                    }
                    var below = Math.Max(0, Math.Min(cumulative, goal) - before);
                    var above = item.Amount - below;
                    var accelerator = d.AcceleratorRate ?? bandRate;
                    var earned = below * bandRate / 100 + above * accelerator / 100;
                    lines.Add(above > 0
                        ? Line(LineKind.Base, item, null, earned, "commission.line.accelerated", Money(item.Amount), item.Reference, Pct(achievement!.Value), Money(below), Pct(bandRate),
                            Money(above), Pct(accelerator))
                        : Line(LineKind.Base, item, bandRate, earned, "commission.line.achievement", Money(item.Amount), item.Reference, Pct(achievement!.Value), Pct(bandRate)));
                    break;
            }
        }
        if (d.Mode == RateMode.Achievement && d.ChallengeBonus is > 0 && input.Challenge is > 0 && total >= input.Challenge)
            lines.Add(new LineDraft(LineKind.Bonus, null, null, null, total, null, d.ChallengeBonus.Value, Explain("commission.line.challenge", Money(total), Money(input.Challenge.Value))));
        var subtotal = lines.Sum(l => l.Amount);

        var coefficient = d.Coefficient switch
        {
            CoefficientMode.Off => 1m,
            CoefficientMode.Capped => Math.Min(input.Coefficient ?? 1m, d.CoefficientCap ?? 1m),
            _ => input.Coefficient ?? 1m,
        };
        if (coefficient != 1m)
        {
            var adjusted = Round(subtotal * coefficient);
            lines.Add(new LineDraft(LineKind.Coefficient, null, null, null, subtotal, coefficient, adjusted - subtotal,
                Explain("commission.line.coefficient", input.Grade ?? "-", Num(coefficient), Money(subtotal), Money(adjusted))));
        }
        decimal held = 0;
        if (d.HoldPercent > 0)
        {
            foreach (var line in lines.Where(l => l.Kind == LineKind.Base && l.AccountId is { } account && input.OverdueAccounts.Contains(account)).ToList())
            {
                var hold = Round(line.Amount * coefficient * d.HoldPercent / 100);
                if (hold == 0)
                    continue;
                held += hold;
                lines.Add(new LineDraft(LineKind.Hold, line.SourceId, line.AccountId, line.Reference, line.Amount, d.HoldPercent, -hold,
                    Explain("commission.line.hold", line.Reference ?? "", Pct(d.HoldPercent), d.OverdueDays.ToString(CultureInfo.InvariantCulture), Money(hold))));
            }
        }
        foreach (var release in input.Releases)
        {
            lines.Add(new LineDraft(LineKind.Release, release.SourceId, release.AccountId, release.Reference, release.Amount, null, release.Amount,
                Explain("commission.line.release", release.Reference ?? "", release.Month, Money(release.Amount)), release.HoldLineId));
        }
        foreach (var claw in input.Clawbacks)
        {
            lines.Add(new LineDraft(LineKind.Clawback, claw.SourceId, claw.AccountId, claw.Reference, claw.Amount, null, -claw.Amount,
                Explain("commission.line.clawback", claw.Reference, claw.Month, Money(claw.Amount))));
        }
        return new StatementDraft(total, target, subtotal, coefficient, input.Grade, held, input.Releases.Sum(r => r.Amount), input.Clawbacks.Sum(c => c.Amount),
            lines.Sum(l => l.Amount), lines);
    }

    /// <summary>The special rate of an item, if one applies: brand, then series, then a new account, then its category.</summary>
    private static (SpecialKind Kind, decimal Rate)? SpecialOf(CommissionDefinition d, BaseItem item)
    {
        foreach (var kind in new[] { SpecialKind.Brand, SpecialKind.Series, SpecialKind.NewAccount, SpecialKind.Category })
        {
            var match = (d.Special ?? []).FirstOrDefault(s => s.Kind == kind && kind switch
            {
                SpecialKind.Brand => item.Brand is { } b && string.Equals(b, s.Key, StringComparison.OrdinalIgnoreCase),
                SpecialKind.Series => item.Series is { } x && string.Equals(x, s.Key, StringComparison.OrdinalIgnoreCase),
                SpecialKind.NewAccount => item.NewAccount,
                _ => string.Equals(item.Category.ToString(), s.Key, StringComparison.OrdinalIgnoreCase),
            });
            if (match is not null)
                return (kind, match.Rate);
        }
        return null;
    }

    private static string Label(BaseItem item, SpecialKind kind) => kind switch
    {
        SpecialKind.Brand => $"brand:{item.Brand}",
        SpecialKind.Series => $"series:{item.Series}",
        SpecialKind.NewAccount => "new:",
        _ => $"category:{item.Category}",
    };

    /// <summary>The parts of [from, to) in each bracket, with the bracket's rate.</summary>
    public static List<(decimal Amount, decimal Rate)> Slices(IReadOnlyList<Bracket> brackets, decimal from, decimal to)
    {
        var ordered = brackets.OrderBy(b => b.From).ToList();
        var slices = new List<(decimal, decimal)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var low = ordered[i].From;
            var high = i + 1 < ordered.Count ? ordered[i + 1].From : decimal.MaxValue;
            var part = Math.Min(to, high) - Math.Max(from, low);
            if (part > 0)
                slices.Add((part, ordered[i].Rate));
        }
        return slices;
    }

    private static LineDraft Line(LineKind kind, BaseItem item, decimal? rate, decimal amount, string code, params string[] args) =>
        new(kind, item.SourceId, item.AccountId, item.Reference, item.Amount, rate, Round(amount), Explain(code, args));

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Explain(string code, params string[] args) => string.Join('|', args.Prepend(code));

    /// <summary>Money in an explanation: marked with ¥ so that it is shown as money in the reader's format.</summary>
    private static string Money(decimal value) => "¥" + value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Pct(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Num(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
