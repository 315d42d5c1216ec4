using Kam.Core.Common;
using Kam.Core.Users;

namespace Kam.Core.Handovers;

/// <summary>A record of one 客户移交: whose book went to whom, when, by whom, and how much of each kind moved.</summary>
[Scoped(Scope.Department)]
public class Handover : Entity
{
    public Guid FromUserId { get; set; }

    public Guid ToUserId { get; set; }

    public string? Note { get; set; }

    /// <summary>JSON: [{"kind":"handover.accounts","count":12,"items":["广州华远..."]}].</summary>
    public string Summary { get; set; } = "[]";
}

/// <summary>
/// One kind of record that moves with a person's book. Each capability adds its part (accounts, team memberships,
/// open visits, opportunities, contracts in progress, complaints, tasks); all parts move in one transaction.
/// </summary>
public interface IHandoverPart : IOwnedRecords
{
    /// <summary>Position in the preview and the printed record.</summary>
    int Order { get; }

    /// <summary>Whether the head may leave this part where it is (the handover screen asks); the rest always moves.</summary>
    bool Optional => false;

    /// <summary>Names of what would move, for the preview (at most <paramref name="max"/>).</summary>
    Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct);

    /// <summary>Moves the records on tracked entities (so each change is audited); the caller saves once.</summary>
    Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct);
}
