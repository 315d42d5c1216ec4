using Kam.Core.Common;
using Kam.Core.Targets;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Ledger;

/// <summary>
/// The drill-down from a figure to its records (业绩明细): the records credited to one person whose fact falls in a
/// period (a contract signed, an order confirmed or cancelled, a payment received, an account developed, a project
/// opened), as the list pages filter them with <c>credited={person}&amp;creditPeriod=2026-12</c>. A split record is
/// credited to each of its people.
/// </summary>
public sealed record CreditFilter(Guid Person, DateOnly From, DateOnly To)
{
    /// <summary>As the split text names the person (<see cref="CreditShares.Format"/>).</summary>
    public string Share => Person.ToString("D");

    public static CreditFilter? Of(Guid? person, string? period) =>
        person is { } p && p != Guid.Empty && Period.Parse(period) is { } range ? new CreditFilter(p, range.Start, range.End) : null;

}

/// <summary>The person's name for a drill-down's tag (colleagues' names are no secret inside the department).</summary>
public sealed class CreditNames(IKamDb db)
{
    public Task<string?> NameAsync(Guid person, CancellationToken ct = default) =>
        db.Unscoped<User>().Where(u => u.Id == person).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
}
