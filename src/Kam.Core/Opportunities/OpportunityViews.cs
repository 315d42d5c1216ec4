using Kam.Core.Accounts;

namespace Kam.Core.Opportunities;

/// <summary>What the current user may do with one project (the UI shows buttons by this; the handlers enforce it).</summary>
public sealed record OpportunityPermissions(bool Edit, bool Move, bool Reopen, bool Archive);

/// <summary>One project for lists, the board, the account tab and the form.</summary>
public sealed record OpportunityView(
    Guid Id,
    Guid AccountId,
    string AccountName,
    string Name,
    string? Products,
    decimal ExpectedAmount,
    string Stage,
    string StageName,
    int Probability,
    OpportunityStatus Status,
    DateOnly? ExpectedSignOn,
    string? Competitors,
    Person Owner,
    string? NextStep,
    DateOnly? NextStepOn,
    string? LostReason,
    DateOnly? ClosedOn,
    int Rank,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid Version,
    OpportunityPermissions Can);

/// <summary>One column of the pipeline board: every project in it is counted and summed, the first cards are shown.</summary>
public sealed record PipelineColumn(OpportunityStage Stage, int Count, decimal Amount, IReadOnlyList<OpportunityView> Cards);

/// <summary>The board: open projects by stage, and those won or lost within <see cref="ClosedSince"/>.</summary>
public sealed record PipelineBoard(IReadOnlyList<PipelineColumn> Columns, DateOnly ClosedSince);

/// <summary>One month of a forecast line: open amount (unweighted), weighted by probability, and won.</summary>
public sealed record ForecastMonth(string Month, decimal Open, decimal Weighted, decimal Won);

/// <summary>A person's (or, without <see cref="Person"/>, the department's) months and totals.</summary>
public sealed record ForecastLine(Person? Person, IReadOnlyList<ForecastMonth> Months, decimal Open, decimal Weighted, decimal Won);

public sealed record ForecastReport(string From, string To, IReadOnlyList<string> Months, ForecastLine Department, IReadOnlyList<ForecastLine> People);
