namespace Kam.Core.Commission;

public sealed record RunInput(string? Period);

public sealed record RunActionInput(Guid? Version, string? Note);

public sealed record StatementRow(Guid Id, Guid PersonId, string PersonName, decimal Base, decimal? Target, decimal? Achievement, decimal Subtotal, decimal Coefficient,
    string? Grade, decimal Held, decimal Released, decimal Clawback, decimal Total, int OpenQuestions);

/// <summary>What changed for a person since the previous version of the month's run.</summary>
public sealed record RunChange(Guid PersonId, string PersonName, decimal Before, decimal After);

public sealed record RunRow(Guid Id, string Period, int Number, RunStatus Status, decimal? Total, int People, DateTimeOffset ComputedAt, decimal? Mine);

public sealed record RunView(Guid Id, string Period, int Number, RunStatus Status, Guid SchemeId, string SchemeName, Guid? ApprovalId, DateTimeOffset ComputedAt,
    decimal? Total, int People, IReadOnlyList<StatementRow> Statements, IReadOnlyList<RunChange> Changes, bool AppraisalPending, bool CanSubmit, bool CanRerun,
    bool CanExport, Guid Version);

public sealed record LineView(Guid Id, int Order, LineKind Kind, Guid? SourceId, Guid? AccountId, string? Reference, decimal BaseAmount, decimal? Rate, decimal Amount,
    string Explanation);

public sealed record QuestionView(Guid Id, Guid? LineId, string Text, QuestionStatus Status, string? Answer, DateTimeOffset CreatedAt, DateTimeOffset? AnsweredAt);

public sealed record StatementView(Guid RunId, string Period, int Number, RunStatus RunStatus, StatementRow Statement, IReadOnlyList<LineView> Lines,
    IReadOnlyList<QuestionView> Questions, bool CanAsk, bool CanAnswer);

public sealed record QuestionInput(Guid? LineId, string? Text);

public sealed record AnswerQuestionInput(string? Answer);

public sealed record CalculatorInput(decimal? Amount, Guid? AccountId, string? Brand, string? Series);

public sealed record CalculatorView(decimal Amount, decimal Earned, string Explanation, decimal MonthBase, decimal? Target, decimal? Achievement, decimal? Coefficient,
    string SchemeName);
