using Kam.Core.Common;

namespace Kam.Core.Exports;

/// <summary>Who exported what (domain.md: exports are logged), readable by the head.</summary>
[Scoped(Scope.System)]
public class ExportLog : Entity
{
    public Guid? UserId { get; set; }

    public string? UserName { get; set; }

    /// <summary>What was exported, e.g. "accounts".</summary>
    public string Kind { get; set; } = "";

    /// <summary>The filter as JSON, so the head sees exactly which slice left the system.</summary>
    public string Filter { get; set; } = "{}";

    public int Rows { get; set; }
}
