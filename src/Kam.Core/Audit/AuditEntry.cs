using Kam.Core.Common;

namespace Kam.Core.Audit;

public enum AuditAction
{
    Insert,
    Update,
    Delete,
    Archive,
    Restore,
}

/// <summary>One change to one record, written in the same transaction as the change itself.</summary>
[Scoped(Scope.System)]
public class AuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTimeOffset At { get; set; }

    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>The account the changed record belongs to, if any: the account page's history reads by this.</summary>
    public Guid? AccountId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The changed fields as JSON: <c>[{"field":"DisplayName","old":"A","new":"B"}]</c>.</summary>
    public string Changes { get; set; } = "[]";
}

public sealed record AuditChange(string Field, string? Old, string? New);
