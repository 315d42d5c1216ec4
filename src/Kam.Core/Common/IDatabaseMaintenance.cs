namespace Kam.Core.Common;

/// <summary>Database housekeeping the use cases ask for after bulk changes.</summary>
public interface IDatabaseMaintenance
{
    /// <summary>
    /// Refreshes the query planner's statistics. Without them SQLite guesses that "not archived" is selective and
    /// scans 50,000 accounts for a manager's 250; with them it goes straight to the owner index.
    /// </summary>
    Task RefreshStatisticsAsync(CancellationToken ct);
}
