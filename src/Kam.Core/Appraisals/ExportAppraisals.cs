using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Appraisals;

/// <summary>A month's appraisal as .xlsx (月度考核汇总): a row per sheet with every indicator's score, the points, the total,
/// grade and coefficient. The department's readers only; logged.</summary>
public sealed class ExportAppraisals(IKamDb db, ICurrentUser me, GetAppraisals sheets)
{
    public async Task<Result<int>> WriteAsync(string? period, string path, CancellationToken ct = default)
    {
        if (!DataScope.SeesAllAccounts(me))
            return Error.Forbidden("appraisal.read_only");
        var month = await sheets.Month(period, ct);
        if (!month.IsSuccess)
            return month.Error!;
        var rows = new List<Dictionary<string, object?>>();
        foreach (var row in month.Value.Rows)
        {
            var sheet = await sheets.Get(row.Id, ct);
            if (!sheet.IsSuccess)
                continue;
            var line = new Dictionary<string, object?>
            {
                [Text.Get("appraisal.person")] = row.PersonName,
                [Text.Get("appraisal.status")] = Text.Of(row.Status),
            };
            foreach (var item in sheet.Value.Lines.Select(l => l.Item))
                line[$"{item.Name} ({item.Weight}%)"] = item.Score;
            line[Text.Get("audit.field.Bonus")] = sheet.Value.Bonus;
            line[Text.Get("audit.field.Deduction")] = sheet.Value.Deduction;
            line[Text.Get("appraisal.total")] = row.Total;
            line[Text.Get("appraisal.grade")] = row.Grade;
            line[Text.Get("appraisal.coefficient")] = row.Coefficient;
            rows.Add(line);
        }
        // Every row with the same columns (a month under two schemes has both sets; a sheet leaves the other's empty).
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        var table = rows.Select(r => columns.ToDictionary(c => c, c => r.GetValueOrDefault(c))).ToList();
        await using (var file = File.Create(path))
            await file.SaveAsAsync(table, sheetName: month.Value.Period, cancellationToken: ct);
        await db.RecordExportAsync(me, "appraisals", new { month.Value.Period }, table.Count, ct);
        return table.Count;
    }
}
