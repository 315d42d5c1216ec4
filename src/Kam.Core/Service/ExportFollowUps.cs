using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Service;

/// <summary>The follow-ups of a query as .xlsx under the reader's scope, with their scores and comments. Logged.</summary>
public sealed class ExportFollowUps(IKamDb db, FollowUps followUps, ICurrentUser me)
{
    public async Task<int> WriteAsync(FollowUpQuery query, string path, CancellationToken ct = default)
    {
        var rows = new List<Dictionary<string, object?>>();
        const int batch = PageRequest.MaxPageSize;
        for (var page = 1; ; page++)
        {
            var result = await followUps.List(query with { Page = page, PageSize = batch }, ct);
            if (!result.IsSuccess)
                break;
            foreach (var f in result.Value.Items)
            {
                rows.Add(new Dictionary<string, object?>
                {
                    [Text.Get("follow_up.title")] = f.Title,
                    [Text.Get("case.account")] = f.AccountName,
                    [Text.Get("survey.occasion")] = Text.Of(f.Occasion),
                    [Text.Get("case.status")] = Text.Of(f.Status),
                    [Text.Get("follow_up.assignee")] = f.AssigneeName,
                    [Text.Get("follow_up.due")] = f.DueOn.ToString("yyyy-MM-dd"),
                    [Text.Get("follow_up.via")] = f.AnsweredVia is { } via ? Text.Of(via) : null,
                    [Text.Get("follow_up.score")] = f.Score,
                    [Text.Get("satisfaction.nps")] = f.Nps,
                    [Text.Get("satisfaction.low")] = f.Low ? Text.Get("case.yes") : "",
                    [Text.Get("satisfaction.comments")] = f.Comment,
                });
            }
            if (result.Value.Items.Count < batch || page * batch >= Listing.CountCap)
                break;
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(rows, sheetName: Text.Get("nav.follow_ups"), cancellationToken: ct);
        await db.RecordExportAsync(me, "follow_ups", query with { Page = 1, PageSize = 20 }, rows.Count, ct);
        return rows.Count;
    }
}
