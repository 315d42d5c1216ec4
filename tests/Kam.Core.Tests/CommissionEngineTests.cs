using Kam.Core.Accounts;
using Kam.Core.Commission;

namespace Kam.Core.Tests;

/// <summary>
/// The commission arithmetic, one rule at a time, worked by hand in each test: flat, marginal and whole brackets, the
/// achievement bands with the accelerator and the challenge bonus, a brand's and a new account's own rate, the
/// appraisal coefficient (on and capped), the hold on an account long overdue, its release, a clawback; and the lines of
/// every statement add up to its total to the fen.
/// </summary>
public sealed class CommissionEngineTests
{
    private static readonly Guid AccountA = Guid.NewGuid();
    private static readonly Guid AccountB = Guid.NewGuid();

    private static BaseItem Item(decimal amount, int day, string reference, Guid? account = null, string? brand = null, bool isNew = false) =>
        new(Guid.NewGuid(), reference, account ?? AccountA, new DateOnly(2026, 11, day), amount, brand, null, isNew, AccountCategory.Enterprise);

    private static StatementInput Input(IReadOnlyList<BaseItem> items, decimal? target = null, decimal? challenge = null, decimal? coefficient = null,
        ISet<Guid>? overdue = null, IReadOnlyList<Release>? releases = null, IReadOnlyList<Clawback>? clawbacks = null) =>
        new(items, target, challenge, coefficient, coefficient is null ? null : "A", (IReadOnlySet<Guid>)(overdue ?? new HashSet<Guid>()), releases ?? [], clawbacks ?? []);

    private static void SumsToTheFen(StatementDraft s) => Assert.Equal(s.Total, s.Lines.Sum(l => l.Amount));

    [Fact]
    public void Flat_rate_is_the_rate_on_each_payment_rounded_to_the_fen()
    {
        var d = new CommissionDefinition(CommissionBase.Collected, RateMode.Flat, Rate: 1.5m, Coefficient: CoefficientMode.Off);
        var s = CommissionEngine.Compute(d, Input([Item(10_000m, 3, "SO-1"), Item(333.33m, 9, "SO-2")]));
        // 10,000 × 1.5% = 150.00; 333.33 × 1.5% = 4.99995 → 5.00.
        Assert.Equal([150.00m, 5.00m], s.Lines.Select(l => l.Amount));
        Assert.Equal(155.00m, s.Total);
        SumsToTheFen(s);
    }

    [Fact]
    public void Marginal_brackets_take_each_part_of_the_month_at_its_brackets_rate_in_date_order()
    {
        var d = new CommissionDefinition(CommissionBase.Collected, RateMode.Brackets, Brackets: [new(0, 1), new(100_000, 2), new(300_000, 3)], Marginal: true,
            Coefficient: CoefficientMode.Off);
        var s = CommissionEngine.Compute(d, Input([Item(80_000m, 2, "SO-1"), Item(120_000m, 10, "SO-2"), Item(150_000m, 20, "SO-3")]));
        // SO-1: 0–80,000 at 1% = 800. SO-2: 80,000–200,000 → 20,000 at 1% + 100,000 at 2% = 200 + 2,000 = 2,200.
        // SO-3: 200,000–350,000 → 100,000 at 2% + 50,000 at 3% = 2,000 + 1,500 = 3,500.
        Assert.Equal([800m, 2_200m, 3_500m], s.Lines.Select(l => l.Amount));
        Assert.Equal(6_500m, s.Total);
        Assert.Equal("commission.line.marginal|¥120000.00|SO-2|¥80000.00|¥200000.00|¥20000.00@1;¥100000.00@2", s.Lines[1].Explain);
        SumsToTheFen(s);
    }

    [Fact]
    public void Whole_brackets_take_the_whole_month_at_the_rate_of_the_bracket_it_reaches()
    {
        var d = new CommissionDefinition(CommissionBase.Collected, RateMode.Brackets, Brackets: [new(0, 1), new(100_000, 2), new(300_000, 3)], Marginal: false,
            Coefficient: CoefficientMode.Off);
        var s = CommissionEngine.Compute(d, Input([Item(80_000m, 2, "SO-1"), Item(120_000m, 10, "SO-2")]));
        // 200,000 in the month reaches the 100,000 bracket: all at 2% → 1,600 + 2,400.
        Assert.Equal([1_600m, 2_400m], s.Lines.Select(l => l.Amount));
        SumsToTheFen(s);
    }

    [Fact]
    public void Achievement_pays_its_bands_rate_up_to_the_target_the_accelerator_above_it_and_the_challenge_bonus()
    {
        var d = new CommissionDefinition(CommissionBase.Collected, RateMode.Achievement, Bands: [new(0, 0), new(60, 2)], AcceleratorRate: 3, ChallengeBonus: 2_000,
            Coefficient: CoefficientMode.Off);
        // Target 120,000, challenge 124,000; 124,615.38 collected: 103.8% reached (≥ 60%: 2%).
        var s = CommissionEngine.Compute(d, Input([Item(80_000m, 5, "SO-1"), Item(44_615.38m, 25, "SO-2")], target: 120_000m, challenge: 124_000m));
        // SO-1 wholly within the target: 80,000 × 2% = 1,600.
        // SO-2: 40,000 within (to 120,000) × 2% = 800, plus the excess 4,615.38 × 3% = 138.4614 → 938.46.
        Assert.Equal([1_600m, 938.46m, 2_000m], s.Lines.Select(l => l.Amount));
        Assert.Equal(LineKind.Bonus, s.Lines[2].Kind);
        Assert.Equal("commission.line.accelerated|¥44615.38|SO-2|103.8|¥40000.00|2|¥4615.38|3", s.Lines[1].Explain);
        Assert.Equal(4_538.46m, s.Total);
        SumsToTheFen(s);

        // Below 60% nothing at all, and no bonus.
        var low = CommissionEngine.Compute(d, Input([Item(50_000m, 5, "SO-3")], target: 120_000m, challenge: 124_000m));
        Assert.Equal(0m, low.Total);
    }

    [Fact]
    public void A_brand_and_a_new_account_have_their_own_rates_and_the_rest_goes_through_the_scheme()
    {
        var d = new CommissionDefinition(CommissionBase.Collected, RateMode.Flat, Rate: 2,
            Special: [new(SpecialKind.Brand, "慕思", 5), new(SpecialKind.NewAccount, null, 3)], Coefficient: CoefficientMode.Off);
        var s = CommissionEngine.Compute(d, Input([Item(10_000m, 3, "SO-1", brand: "慕思"), Item(10_000m, 3, "SO-1", brand: "其他"), Item(20_000m, 8, "SO-2", AccountB, isNew: true)]));
        // 慕思 10,000 × 5% = 500; the other brand 10,000 × 2% = 200; the new account 20,000 × 3% = 600.
        Assert.Equal([500m, 200m, 600m], s.Lines.Select(l => l.Amount));
        Assert.StartsWith("commission.line.special|¥10000.00|SO-1|brand:慕思|5", s.Lines[0].Explain, StringComparison.Ordinal);
        SumsToTheFen(s);
    }

    [Fact]
    public void The_coefficient_multiplies_the_subtotal_and_a_cap_keeps_it_from_raising_it()
    {
        var on = new CommissionDefinition(CommissionBase.Collected, RateMode.Flat, Rate: 2, Coefficient: CoefficientMode.On);
        var s = CommissionEngine.Compute(on, Input([Item(33_333.33m, 3, "SO-1")], coefficient: 1.2m));
        // 33,333.33 × 2% = 666.6666 → 666.67; × 1.2 = 800.004 → 800.00: a coefficient line of +133.33.
        Assert.Equal((666.67m, 133.33m, 800.00m), (s.Subtotal, s.Lines[1].Amount, s.Total));
        SumsToTheFen(s);

        var capped = on with { Coefficient = CoefficientMode.Capped, CoefficientCap = 1.0m };
        Assert.Equal(666.67m, CommissionEngine.Compute(capped, Input([Item(33_333.33m, 3, "SO-1")], coefficient: 1.2m)).Total);
        Assert.Equal(333.34m, CommissionEngine.Compute(capped, Input([Item(33_333.33m, 3, "SO-1")], coefficient: 0.5m)).Total); // 666.67 × 0.5 = 333.335 → 333.34
    }

    [Fact]
    public void An_account_long_overdue_holds_its_share_back_an_earlier_hold_is_released_and_a_reversal_is_clawed_back()
    {
        var d = new CommissionDefinition(CommissionBase.Collected, RateMode.Flat, Rate: 2, HoldPercent: 30, Coefficient: CoefficientMode.On);
        var hold = Guid.NewGuid();
        var s = CommissionEngine.Compute(d, Input([Item(50_000m, 3, "SO-1", AccountA), Item(25_000m, 4, "SO-2", AccountB)], coefficient: 0.8m,
            overdue: new HashSet<Guid> { AccountA },
            releases: [new Release(hold, Guid.NewGuid(), AccountB, "SO-0", 120.50m, "2026-09")],
            clawbacks: [new Clawback(Guid.NewGuid(), AccountB, "SO-9", 321.00m, "2026-10")]));
        // 1,000 + 500 = 1,500; × 0.8 = 1,200 (−300). SO-1 is on an account overdue: 1,000 × 0.8 × 30% = 240 held.
        // September's 120.50 released, October's 321.00 taken back: 1,200 − 240 + 120.50 − 321.00 = 759.50.
        Assert.Equal([LineKind.Base, LineKind.Base, LineKind.Coefficient, LineKind.Hold, LineKind.Release, LineKind.Clawback], s.Lines.Select(l => l.Kind));
        Assert.Equal([1_000m, 500m, -300m, -240m, 120.50m, -321.00m], s.Lines.Select(l => l.Amount));
        Assert.Equal((240m, 120.50m, 321.00m, 759.50m), (s.Held, s.Released, s.Clawback, s.Total));
        Assert.Equal(hold, s.Lines[4].HoldLineId);
        SumsToTheFen(s);
    }
}
