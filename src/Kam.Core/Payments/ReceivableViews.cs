namespace Kam.Core.Payments;

/// <summary>
/// Filters of the receivables. <see cref="GroupBy"/>: "person" (the account's owner) or "account" for the summary's
/// groups. <see cref="Bucket"/> narrows the open instalments to one aging bucket: due, 0-30, 31-60, 61-90, 90+.
/// </summary>
public sealed record ReceivableQuery(Guid? AccountId = null, Guid? OwnerId = null, string? GroupBy = null, bool? Overdue = null,
    string? Bucket = null, string? Search = null, string? Sort = null, int? Page = null, int? PageSize = null, Guid? InstalmentId = null);

/// <summary>
/// Open amounts (应收): <see cref="Due"/> not yet due, <see cref="Overdue"/> past due and split by days past due into
/// the aging buckets; what was collected (payments not reversed) this month and this year.
/// </summary>
public sealed record ReceivableFigures(decimal Open, decimal Due, decimal Overdue, decimal Days0To30, decimal Days31To60,
    decimal Days61To90, decimal DaysOver90, int OpenCount, int OverdueCount, decimal CollectedThisMonth, decimal CollectedThisYear);

public sealed record ReceivableGroup(Guid Id, string Name, ReceivableFigures Figures);

public sealed record ReceivableSummary(DateOnly AsOf, ReceivableFigures Total, string? GroupBy, IReadOnlyList<ReceivableGroup> Groups);

public sealed record ReceivableRow(Guid Id, Guid AccountId, string AccountName, Guid OwnerId, string OwnerName, Guid? ContractId,
    string? ContractNumber, Guid? OrderId, string? OrderNumber, int No, DateOnly DueOn, decimal Amount, decimal Collected, decimal Open,
    int DaysOverdue, Guid Version);

public static class AgingBuckets
{
    public const string Due = "due";
    public const string Days0To30 = "0-30";
    public const string Days31To60 = "31-60";
    public const string Days61To90 = "61-90";
    public const string DaysOver90 = "90+";

    public static IReadOnlyList<string> All { get; } = [Due, Days0To30, Days31To60, Days61To90, DaysOver90];

    /// <summary>Days past due: 1–30 (a day late counts as 0–30), 31–60, 61–90, over 90; not past due is "due".</summary>
    public static string Of(int daysOverdue) => daysOverdue switch
    {
        <= 0 => Due,
        <= 30 => Days0To30,
        <= 60 => Days31To60,
        <= 90 => Days61To90,
        _ => DaysOver90,
    };

    /// <summary>The due dates of a bucket as of <paramref name="today"/> (inclusive bounds, null: open).</summary>
    public static (DateOnly? From, DateOnly? To) DueOnRange(string bucket, DateOnly today) => bucket switch
    {
        Due => (today, null),
        Days0To30 => (today.AddDays(-30), today.AddDays(-1)),
        Days31To60 => (today.AddDays(-60), today.AddDays(-31)),
        Days61To90 => (today.AddDays(-90), today.AddDays(-61)),
        DaysOver90 => (null, today.AddDays(-91)),
        _ => (null, null),
    };
}
