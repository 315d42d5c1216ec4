using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Expenses;

/// <summary>
/// The budget pages' lists as .xlsx, under the reader's scope and logged like every export: a budget's grid (category,
/// person, twelve months, year), the execution as grouped, and the activities with planned against actual cost.
/// </summary>
public sealed class ExportExpenses(IKamDb db, GetBudgets budgets, GetExecution execution, GetActivities activities, ICurrentUser me)
{
    public async Task<Result<int>> WriteBudgetAsync(Guid id, string path, CancellationToken ct = default)
    {
        var found = await budgets.Get(id, ct);
        if (!found.IsSuccess)
            return found.Error!;
        var rows = new List<Dictionary<string, object?>>();
        foreach (var c in found.Value.Categories)
        {
            rows.Add(Row(c.Name, null, c.Months, c.Amount));
            rows.AddRange(c.People.Select(p => Row(c.Name, p.Name, p.Months, p.Amount)));
        }
        await SaveAsync(rows, Text.Get("budget.heading", found.Value.Year), path, ct);
        await db.RecordExportAsync(me, "budget", new { id }, rows.Count, ct);
        return rows.Count;

        static Dictionary<string, object?> Row(string category, string? person, IReadOnlyList<decimal> months, decimal year)
        {
            var row = new Dictionary<string, object?> { [Text.Get("budget.category")] = category, [Text.Get("budget.person")] = person ?? Text.Get("budget.department") };
            for (var m = 0; m < 12; m++)
                row[Text.Get("budget.month_n", m + 1)] = months[m];
            row[Text.Get("budget.year_total")] = year;
            return row;
        }
    }

    public async Task<Result<int>> WriteExecutionAsync(int? year, string? groupBy, string path, CancellationToken ct = default)
    {
        var found = await execution.Handle(year, groupBy, ct);
        if (!found.IsSuccess)
            return found.Error!;
        var view = found.Value;
        var rows = view.Rows.Append(view.Total).Select(r => new Dictionary<string, object?>
        {
            [Text.Get($"execution.by_{view.GroupBy}")] = r.Name,
            [Text.Get("budget.amount")] = r.Budget,
            [Text.Get("execution.used")] = r.Used,
            [Text.Get("execution.committed")] = r.Committed,
            [Text.Get("execution.remaining")] = r.Remaining,
            [Text.Get("execution.percent")] = r.PercentUsed,
        }).ToList();
        await SaveAsync(rows, Text.Get("nav.budget_execution"), path, ct);
        await db.RecordExportAsync(me, "budget_execution", new { year, groupBy }, rows.Count, ct);
        return rows.Count;
    }

    public async Task<Result<int>> WriteActivitiesAsync(int? year, string path, CancellationToken ct = default)
    {
        var rows = new List<Dictionary<string, object?>>();
        const int batch = PageRequest.MaxPageSize;
        for (var page = 1; page * batch <= Listing.CountCap; page++)
        {
            var found = await activities.List(year, null, page, batch, ct);
            if (!found.IsSuccess)
                return found.Error!;
            rows.AddRange(found.Value.Items.Select(a => new Dictionary<string, object?>
            {
                [Text.Get("activity.date")] = a.Date.ToString("yyyy-MM-dd"),
                [Text.Get("activity.title")] = a.Title,
                [Text.Get("activity.kind")] = Text.Of(a.Kind),
                [Text.Get("activity.owner")] = a.OwnerName,
                [Text.Get("activity.status")] = Text.Of(a.Status),
                [Text.Get("activity.planned")] = a.Planned,
                [Text.Get("activity.actual")] = a.Actual,
            }));
            if (found.Value.Items.Count < batch)
                break;
        }
        await SaveAsync(rows, Text.Get("nav.activities"), path, ct);
        await db.RecordExportAsync(me, "activities", new { year }, rows.Count, ct);
        return rows.Count;
    }

    private static async Task SaveAsync(List<Dictionary<string, object?>> rows, string sheet, string path, CancellationToken ct)
    {
        await using var file = File.Create(path);
        await file.SaveAsAsync(rows, sheetName: sheet.Length > 31 ? sheet[..31] : sheet, cancellationToken: ct);
    }
}
