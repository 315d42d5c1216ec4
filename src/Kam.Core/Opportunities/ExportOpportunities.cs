using System.Text.Json;
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
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly Dictionary<OpportunityStatus, string> StatusNames = new()
    {
        [OpportunityStatus.Open] = "进行中",
        [OpportunityStatus.Won] = "赢单",
        [OpportunityStatus.Lost] = "输单",
    };

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
                    ["项目名称"] = o.Name,
                    ["客户"] = r.AccountName,
                    ["产品/品牌"] = o.Products,
                    ["预计金额"] = o.ExpectedAmount,
                    ["阶段"] = ListOpportunities.StageName(stages, o),
                    ["赢率(%)"] = o.Probability,
                    ["状态"] = StatusNames[o.Status],
                    ["预计签约日期"] = o.ExpectedSignOn?.ToString("yyyy-MM-dd"),
                    ["竞争对手"] = o.Competitors,
                    ["负责人"] = owners.GetValueOrDefault(o.OwnerId),
                    ["下一步"] = o.NextStep,
                    ["下一步日期"] = o.NextStepOn?.ToString("yyyy-MM-dd"),
                    ["输单原因"] = o.LostReason,
                    ["结束日期"] = o.ClosedOn?.ToString("yyyy-MM-dd"),
                    ["更新时间"] = BusinessClock.Format(o.UpdatedAt),
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: "合作项目", cancellationToken: ct);
        db.Unscoped<ExportLog>().Add(new ExportLog
        {
            UserId = me.Id,
            UserName = me.UserName,
            Kind = "opportunities",
            Filter = JsonSerializer.Serialize(filter, Json),
            Rows = count,
        });
        await db.SaveChangesAsync(ct);
        return count;
    }
}
