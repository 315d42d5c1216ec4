using System.Text.Json;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Exports;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Core.Contracts;

/// <summary>Exports the contract list as it is filtered, under the data scope, to .xlsx (Chinese headers); logged.</summary>
public sealed class ExportContracts(IKamDb db, ListContracts list, ICurrentUser me, ContractRules rules)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static readonly IReadOnlyDictionary<ContractKind, string> KindNames = new Dictionary<ContractKind, string>
    {
        [ContractKind.Framework] = "框架协议",
        [ContractKind.Purchase] = "采购合同",
        [ContractKind.Cooperation] = "合作协议",
        [ContractKind.Supplementary] = "补充协议",
    };

    public static readonly IReadOnlyDictionary<ContractStatus, string> StatusNames = new Dictionary<ContractStatus, string>
    {
        [ContractStatus.Draft] = "草稿",
        [ContractStatus.UnderReview] = "审批中",
        [ContractStatus.Rejected] = "已驳回",
        [ContractStatus.Approved] = "已批准",
        [ContractStatus.Signed] = "已签订",
        [ContractStatus.InForce] = "履行中",
        [ContractStatus.Expired] = "已到期",
        [ContractStatus.Terminated] = "已终止",
    };

    /// <summary>Writes the workbook to <paramref name="path"/> and returns the number of contracts in it.</summary>
    public async Task<int> WriteAsync(ContractQuery query, string path, CancellationToken ct = default)
    {
        var users = await db.Unscoped<User>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var today = rules.Today;
        var count = 0;
        var rows = from c in list.Query(query with { Page = null, PageSize = null }).AsNoTracking()
                   join a in db.Unscoped<Account>() on c.AccountId equals a.Id
                   select new { c, AccountName = a.Name, ParentNumber = db.Unscoped<Contract>().Where(p => p.Id == c.ParentId).Select(p => p.Number).FirstOrDefault() };
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var r in rows.AsEnumerable())
            {
                count++;
                var c = r.c;
                yield return new Dictionary<string, object?>
                {
                    ["合同编号"] = c.Number,
                    ["类型"] = KindNames[c.Kind],
                    ["状态"] = StatusNames[c.Status],
                    ["客户"] = r.AccountName,
                    ["合同名称"] = c.Title,
                    ["主合同"] = r.ParentNumber,
                    ["金额(元)"] = c.Amount,
                    ["有效金额(元)"] = c.EffectiveAmount,
                    ["币种"] = c.Currency,
                    ["开始日期"] = c.StartOn.ToString("yyyy-MM-dd"),
                    ["结束日期"] = c.EndOn.ToString("yyyy-MM-dd"),
                    ["有效结束日期"] = c.EffectiveEndOn.ToString("yyyy-MM-dd"),
                    ["付款条件"] = c.PaymentTerms,
                    ["非标准付款条件"] = c.NonStandardTerms ? "是" : "否",
                    ["变更内容"] = c.Changes,
                    ["我方签约人"] = c.OurSignatory,
                    ["客户签约人"] = c.CustomerSignatory,
                    ["负责人"] = users.GetValueOrDefault(c.OwnerId),
                    ["起草人"] = users.GetValueOrDefault(c.DrafterId),
                    ["签订日期"] = c.SignedOn?.ToString("yyyy-MM-dd"),
                    ["终止日期"] = c.TerminatedOn?.ToString("yyyy-MM-dd"),
                    ["终止原因"] = c.TerminationReason,
                    ["30天内到期"] = ListContracts.IsExpiring(c, today) ? "是" : "",
                    ["创建时间"] = BusinessClock.Format(c.CreatedAt),
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: "合同协议", cancellationToken: ct);
        db.Unscoped<ExportLog>().Add(new ExportLog
        {
            UserId = me.Id,
            UserName = me.UserName,
            Kind = "contracts",
            Filter = JsonSerializer.Serialize(query with { Page = null, PageSize = null }, Json),
            Rows = count,
        });
        await db.SaveChangesAsync(ct);
        return count;
    }
}
