namespace Kam.Core.Users;

/// <summary>
/// One capability's records that a person owns (accounts, open visits, contracts in progress...). Deactivation
/// asks every registered source and is refused while anything is owned; the handover moves them.
/// </summary>
public interface IOwnedRecords
{
    /// <summary>Stable English code of the kind of record, localised by the UI (e.g. <c>owned.accounts</c>).</summary>
    string Kind { get; }

    Task<int> CountAsync(Guid userId, CancellationToken ct);
}
