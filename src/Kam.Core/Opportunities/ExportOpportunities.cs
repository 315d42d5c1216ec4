using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Exports;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Core.Opportunities;

/// <summary>Exports the project list as filtered, under the data scope, to .xlsx; the export is logged.</summary>
public sealed class ExportOpportunities(IKamDb db, ListOpportunities list, OpportunityRules rules, ICurrentUser me)
{
    /// <summary>Writes the workbook to <paramref name="path"/> and returns the number of projects in it.</summary>
    public async Task<int> WriteAsync(OpportunityQuery query, string path, CancellationToken ct = default)
    {
        var owners = await db.Unscoped<User>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var stages = await rules.StagesAsync(ct);
        var filter = query with { Page = null, PageSize = null };
        var rows = from o in list.Query(filter)
                   join a in db.Unscoped<Account>() on o.AccountId equals a.Id
                   select new { o, AccountName = a.Name };
        var count = 0;
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var r in rows.AsEnumerable())
            {
                count++;
                var o = r.o;
                yield return new Dictionary<string, object?>
                {
                    [Text.Get("opportunity.name")] = o.Name,
                    [Text.Get("export.account")] = r.AccountName,
                    [Text.Get("opportunity.products")] = o.Products,
                    [Text.Get("export.expected_amount")] = o.ExpectedAmount,
                    [Text.Get("opportunity.stage")] = ListOpportunities.StageName(stages, o),
                    [Text.Get("export.probability_pct")] = o.Probability,
                    [Text.Get("export.status")] = Text.Of(o.Status),
                    [Text.Get("opportunity.expected_sign_on")] = o.ExpectedSignOn?.ToString("yyyy-MM-dd"),
                    [Text.Get("opportunity.competitors")] = o.Competitors,
                    [Text.Get("export.owner")] = owners.GetValueOrDefault(o.OwnerId),
                    [Text.Get("report.next_step")] = o.NextStep,
                    [Text.Get("visit.next_step_on")] = o.NextStepOn?.ToString("yyyy-MM-dd"),
                    [Text.Get("opportunity.lost_reason")] = o.LostReason,
                    [Text.Get("contract.end_on")] = o.ClosedOn?.ToString("yyyy-MM-dd"),
                    [Text.Get("export.updated_at")] = BusinessClock.Format(o.UpdatedAt),
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: Text.Get("nav.opportunities"), cancellationToken: ct);
        await db.RecordExportAsync(me, "opportunities", filter, count, ct);
        return count;
    }
}
