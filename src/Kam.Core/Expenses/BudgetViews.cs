namespace Kam.Core.Expenses;

public sealed record BudgetPersonInput(Guid? PersonId, IReadOnlyList<decimal>? Months);

/// <summary>A category's year: its amount, the twelve months it is split into (they must add up to it), and what of each
/// month is allocated to people.</summary>
public sealed record BudgetCategoryInput(string? Category, decimal? Amount, IReadOnlyList<decimal>? Months, IReadOnlyList<BudgetPersonInput>? People);

public sealed record BudgetInput(int? Year, string? Note, IReadOnlyList<BudgetCategoryInput>? Categories, Guid? Version);

public sealed record BudgetActionInput(Guid? Version, string? Note);

public sealed record BudgetPersonView(Guid PersonId, string Name, decimal Amount, IReadOnlyList<decimal> Months);

public sealed record BudgetCategoryView(string Category, string Name, decimal Amount, IReadOnlyList<decimal> Months, IReadOnlyList<decimal> Quarters,
    IReadOnlyList<BudgetPersonView> People);

public sealed record BudgetAdjustmentLineView(string Category, string CategoryName, int Month, Guid? PersonId, string? PersonName, decimal Delta);

public sealed record BudgetAdjustmentView(Guid Id, string Reason, AdjustmentStatus Status, decimal Net, string? By, DateTimeOffset At, Guid? ApprovalId,
    IReadOnlyList<BudgetAdjustmentLineView> Lines);

/// <summary>A budget as its reader may see it: the whole of it for the department's roles, an account manager's own
/// allocations only (<see cref="Partial"/>).</summary>
public sealed record BudgetView(Guid Id, int Year, BudgetStatus Status, decimal Total, string? Note, Guid? ApprovalId, Guid Version, bool Partial,
    bool MayEdit, bool MayAdjust, IReadOnlyList<BudgetCategoryView> Categories, IReadOnlyList<BudgetAdjustmentView> Adjustments);

public sealed record BudgetRow(Guid Id, int Year, BudgetStatus Status, decimal Total, DateTimeOffset UpdatedAt);

public sealed record BudgetAdjustmentLineInput(string? Category, int? Month, Guid? PersonId, decimal? Delta);

public sealed record BudgetAdjustmentInput(string? Reason, IReadOnlyList<BudgetAdjustmentLineInput>? Lines, Guid? Version);
