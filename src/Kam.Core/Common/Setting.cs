namespace Kam.Core.Common;

/// <summary>A department-wide setting stored as JSON (tier rules, visit policy...), versioned and audited.</summary>
[Scoped(Scope.System)]
public class Setting : Entity
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}
