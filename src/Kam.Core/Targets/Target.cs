using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Targets;

/// <summary>
/// The department's target for one metric in one month (保底 / 目标 / 挑战), broken down to people by its
/// <see cref="TargetLine"/>s. Saved whole: its <see cref="Entity.Version"/> guards the breakdown against a stale save.
/// The department's figures are shown to every business role.
/// </summary>
[Scoped(Scope.Department)]
public class TargetSheet : Entity
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public TargetMetric Metric { get; set; }

    public decimal Minimum { get; set; }

    public decimal Target { get; set; }

    public decimal Challenge { get; set; }
}

/// <summary>One person's share of a <see cref="TargetSheet"/>: seen by whoever sees the department, and by the person.</summary>
[Scoped(Scope.Person, Rule = typeof(TargetLineScope))]
public class TargetLine : Entity
{
    public Guid SheetId { get; set; }

    public Guid PersonId { get; set; }

    public decimal Minimum { get; set; }

    public decimal Target { get; set; }

    public decimal Challenge { get; set; }
}

public sealed class TargetLineScope : IScopeRule<TargetLine>
{
    public IQueryable<TargetLine> Visible(IQueryable<TargetLine> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(l => l.PersonId == id) : all.Where(l => false);
    }
}
