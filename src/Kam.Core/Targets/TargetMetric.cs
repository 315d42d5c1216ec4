using Kam.Core.Ledger;

namespace Kam.Core.Targets;

/// <summary>What a target measures; every actual is computed from the records (the ledger), never typed in.</summary>
public enum TargetMetric
{
    /// <summary>合同签约额: contracts signed in the period, in yuan.</summary>
    Signed = 1,

    /// <summary>订单额: orders confirmed in the period (less those cancelled), in yuan.</summary>
    Ordered = 2,

    /// <summary>回款额: payments received in the period less reversals, in yuan.</summary>
    Collected = 3,

    /// <summary>拜访次数: completed visits in the period.</summary>
    Visits = 4,

    /// <summary>A 类客户拜访覆盖率: the share of a person's A accounts visited in the period, in percent (not summed).</summary>
    ATierCoverage = 5,

    /// <summary>新开发大客户: accounts that became active (or were created active) in the period.</summary>
    NewAccounts = 6,

    /// <summary>新增商机金额: the expected amount of the projects opened in the period, in yuan.</summary>
    NewOpportunityAmount = 7,
}

public static class TargetMetrics
{
    public static IReadOnlyList<TargetMetric> All { get; } = Enum.GetValues<TargetMetric>();

    public static bool IsMoney(TargetMetric metric) =>
        metric is TargetMetric.Signed or TargetMetric.Ordered or TargetMetric.Collected or TargetMetric.NewOpportunityAmount;

    /// <summary>Counted in whole numbers (visits, accounts).</summary>
    public static bool IsCount(TargetMetric metric) => metric is TargetMetric.Visits or TargetMetric.NewAccounts;

    /// <summary>Whether people's targets add up to the department's (a rate does not).</summary>
    public static bool IsSummed(TargetMetric metric) => metric != TargetMetric.ATierCoverage;

    /// <summary>The ledger's figure behind a summed metric.</summary>
    public static LedgerMetric? Ledger(TargetMetric metric) => metric switch
    {
        TargetMetric.Signed => LedgerMetric.Signed,
        TargetMetric.Ordered => LedgerMetric.Ordered,
        TargetMetric.Collected => LedgerMetric.Collected,
        TargetMetric.Visits => LedgerMetric.VisitDone,
        TargetMetric.NewAccounts => LedgerMetric.NewAccount,
        TargetMetric.NewOpportunityAmount => LedgerMetric.Opened,
        _ => null,
    };
}
