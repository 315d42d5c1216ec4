using Kam.Core.Common;

namespace Kam.Core.DailyReports;

/// <summary>The reports a person may see: their own, or all for those who read all, none for anyone else.</summary>
public sealed class DailyReportScope : IScopeRule<DailyReport>
{
    public IQueryable<DailyReport> Visible(IQueryable<DailyReport> all, IKamDb db, ICurrentUser me)
    {
        if (ReportAccess.ReadsAll(me))
            return all;
        if (ReportAccess.Writes(me) && me.Id is { } id)
            return all.Where(r => r.UserId == id);
        return all.Where(r => false);
    }
}

/// <summary>The day summary quotes everyone's reports and accounts: only those who read every report read it.</summary>
public sealed class DaySummaryScope : IScopeRule<DaySummary>
{
    public IQueryable<DaySummary> Visible(IQueryable<DaySummary> all, IKamDb db, ICurrentUser me) =>
        ReportAccess.ReadsSummary(me) ? all : all.Where(s => false);
}
