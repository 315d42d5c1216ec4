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

    /// <summary>The drill-down asked for, or null when neither part is given. Half of it, or a bad period or person,
    /// matches nothing: an empty list, never the whole one passed off as somebody's records.</summary>
    public static CreditFilter? Of(Guid? person, string? period)
    {
        if (person is null && string.IsNullOrWhiteSpace(period))
            return null;
        return person is { } p && p != Guid.Empty && Period.Parse(period) is { } range
            ? new CreditFilter(p, range.Start, range.End)
            : new CreditFilter(Guid.Empty, DateOnly.MaxValue, DateOnly.MinValue);
    }

    /// <summary>The period as instants (the business calendar's midnights), for records stamped with a moment.</summary>
    public (DateTimeOffset From, DateTimeOffset Until) Instants =>
        From > To
            ? (DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch)
            : (Moment(From), Moment(To.AddDays(1)));

    private static DateTimeOffset Moment(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Kam.Core.Common.BusinessClock.Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();

}

/// <summary>The person's name for a drill-down's tag (colleagues' names are no secret inside the department).</summary>
public sealed class CreditNames(IKamDb db)
{
    public Task<string?> NameAsync(Guid person, CancellationToken ct = default) =>
        db.Unscoped<User>().Where(u => u.Id == person).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
}
