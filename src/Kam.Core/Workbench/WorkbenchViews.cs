using Kam.Core.Accounts;
using Kam.Core.Visits;
using Kam.Core.WorkItems;

namespace Kam.Core.Workbench;

/// <summary>
/// The first page after login (工作台), per role: an account manager's day, the head's (and assistant's) department,
/// the executive's month. Only the sections for the caller's roles are filled.
/// </summary>
public sealed record WorkbenchView(DateOnly Today, ManagerDesk? Manager, DepartmentDesk? Department, MonthGlance? Month, DealsDesk? Deals = null,
    Service.ServiceDesk? Service = null);

public sealed record PlanItem(Guid Id, Guid AccountId, string AccountName, DateTimeOffset At, string? Purpose);

public sealed record WorkItemBrief(Guid Id, string Title, WorkItemKind Kind, WorkItemStatus Status, DateOnly DueOn, Person Owner, bool Overdue);

public sealed record NotificationBrief(Guid Id, string Kind, string? Subject, DateOnly? DueOn, string? Link, DateTimeOffset CreatedAt);

public sealed record ManagerCounts(int VisitsDone, int VisitsPlanned, int ReportsSubmitted, int WorkingDays, int ItemsDone);

public sealed record ManagerDesk(
    IReadOnlyList<PlanItem> TodayPlans,
    int OverdueCount,
    int DueSoonCount,
    IReadOnlyList<OverdueRow> Overdue,
    int OpenItemCount,
    IReadOnlyList<WorkItemBrief> OpenItems,
    int UnreadCount,
    IReadOnlyList<NotificationBrief> Unread,
    bool ReportSubmittedToday,
    ManagerCounts Month);

public sealed record PersonCount(Person Person, int Count);

public sealed record DepartmentDesk(
    IReadOnlyList<PersonCount> OverdueByPerson,
    int OverdueTotal,
    IReadOnlyList<Person> ReportsSubmitted,
    IReadOnlyList<Person> ReportsMissing,
    int ReportsAwaitingReview,
    int OverdueItemCount,
    IReadOnlyList<WorkItemBrief> OverdueItems,
    IReadOnlyList<PersonCount> VisitsThisMonth);

public sealed record WeekCount(DateOnly WeekStart, int Count);

public sealed record MonthGlance(
    int VisitsThisMonth,
    int VisitsLastMonthSamePeriod,
    int AccountsActive,
    IReadOnlyList<TierCount> AccountsByTier,
    int AccountsOverdue,
    int ReportsSubmitted,
    int ReportsExpected,
    int OpenItems,
    int OverdueItems,
    IReadOnlyList<WeekCount> VisitsByWeek);

public sealed record TierCount(AccountTier Tier, int Count);
