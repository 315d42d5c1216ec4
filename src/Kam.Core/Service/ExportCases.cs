using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Service;

/// <summary>The cases of a query as .xlsx under the reader's scope, with their deadlines and whether each was kept.
/// Each export is logged.</summary>
public sealed class ExportCases(IKamDb db, GetCases cases, ICurrentUser me)
{
    public async Task<int> WriteAsync(CaseQuery query, string path, CancellationToken ct = default)
    {
        var rows = new List<Dictionary<string, object?>>();
        const int batch = PageRequest.MaxPageSize;
        for (var page = 1; ; page++)
        {
            var result = await cases.List(query with { Page = page, PageSize = batch }, ct);
            if (!result.IsSuccess)
                break;
            foreach (var c in result.Value.Items)
            {
                rows.Add(new Dictionary<string, object?>
                {
                    [Text.Get("case.number")] = c.Number,
                    [Text.Get("case.kind")] = Text.Of(c.Kind),
                    [Text.Get("case.severity")] = Text.Of(c.Severity),
                    [Text.Get("case.title")] = c.Title,
                    [Text.Get("case.account")] = c.AccountName,
                    [Text.Get("case.category")] = c.CategoryName,
                    [Text.Get("case.handler")] = c.HandlerName,
                    [Text.Get("case.status")] = Text.Of(c.Status),
                    [Text.Get("case.received_at")] = BusinessClock.Format(c.ReceivedAt),
                    [Text.Get("case.next_due")] = c.Timing == CaseTiming.Done ? null : BusinessClock.Format(c.NextDueAt),
                    [Text.Get("case.breached")] = c.Breached ? Text.Get("case.yes") : "",
                });
            }
            if (result.Value.Items.Count < batch || page * batch >= Listing.CountCap)
                break;
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(rows, sheetName: Text.Get("nav.cases"), cancellationToken: ct);
        await db.RecordExportAsync(me, "cases", query with { Page = 1, PageSize = 20 }, rows.Count, ct);
        return rows.Count;
    }
}
