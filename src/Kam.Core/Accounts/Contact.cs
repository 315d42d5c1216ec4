using Kam.Core.Common;

namespace Kam.Core.Accounts;

public enum DecisionRole
{
    DecisionMaker,
    Influencer,
    User,
    Gatekeeper,
}

public enum Attitude
{
    Supportive,
    Neutral,
    Opposed,
}

/// <summary>A person at an account (联系人 / 关键人).</summary>
[Scoped(Scope.Account)]
public class Contact : Entity, IArchivable, IBelongsToAccount
{
    public Guid AccountId { get; set; }

    public Account? Account { get; set; }

    public string Name { get; set; } = "";

    public string? Title { get; set; }

    public string? Department { get; set; }

    public string? Mobile { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public DecisionRole? DecisionRole { get; set; }

    public Attitude? Attitude { get; set; }

    /// <summary>Relationship strength, 1 (weak) to 5 (strong).</summary>
    public int? Strength { get; set; }

    public Guid? ReportsToId { get; set; }

    public DateOnly? Birthday { get; set; }

    public string? Preferences { get; set; }

    public DateOnly? LastContactedOn { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}
