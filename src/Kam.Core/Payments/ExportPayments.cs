using System.Text.Json;
using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Payments;

/// <summary>Exports payments (as filtered) and open receivables (as filtered) to .xlsx under the data scope; each export is logged.</summary>
public sealed class ExportPayments(IKamDb db, ListPayments payments, Receivables receivables, ICurrentUser me)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly Dictionary<PaymentMethod, string> MethodNames = new()
    {
        [PaymentMethod.BankTransfer] = "银行转账",
        [PaymentMethod.AcceptanceBill] = "承兑汇票",
        [PaymentMethod.Cheque] = "支票",
        [PaymentMethod.Cash] = "现金",
        [PaymentMethod.Other] = "其他",
    };

    public async Task<int> WritePaymentsAsync(PaymentQuery query, string path, CancellationToken ct = default)
    {
        var all = query with { Page = null, PageSize = null };
        var count = 0;
        async IAsyncEnumerable<Dictionary<string, object?>> Rows()
        {
            // Rows are named a page at a time (accounts, contracts, orders), never the whole list at once.
            const int batch = 500;
            for (var page = 1; ; page++)
            {
                var result = await payments.Handle(all with { Page = page, PageSize = batch }, ct);
                foreach (var p in result.Items)
                {
                    count++;
                    yield return new Dictionary<string, object?>
                    {
                        ["回款日期"] = p.ReceivedOn.ToString("yyyy-MM-dd"),
                        ["客户"] = p.AccountName,
                        ["合同编号"] = p.ContractNumber,
                        ["订单编号"] = p.OrderNumber,
                        ["期次"] = p.OrderId is null ? p.InstalmentNo : null,
                        ["金额"] = p.Amount,
                        ["方式"] = MethodNames[p.Method],
                        ["凭证号"] = p.Reference,
                        ["备注"] = p.Note,
                        ["登记人"] = p.RecordedBy,
                        ["已冲销"] = p.ReversedAt is null ? "" : "是",
                        ["冲销原因"] = p.ReversalReason,
                    };
                }
                if (result.Items.Count < batch)
                    break;
            }
        }
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var row in Rows())
            rows.Add(row);
        await SaveAsync(rows, "回款", path, ct);
        await LogAsync("payments", all, count, ct);
        return count;
    }

    public async Task<int> WriteReceivablesAsync(ReceivableQuery query, string path, CancellationToken ct = default)
    {
        var all = query with { Page = null, PageSize = null, GroupBy = null };
        var rows = new List<Dictionary<string, object?>>();
        const int batch = 500;
        for (var page = 1; ; page++)
        {
            var result = await receivables.Items(all with { Page = page, PageSize = batch }, ct);
            if (!result.IsSuccess)
                break;
            foreach (var r in result.Value.Items)
            {
                rows.Add(new Dictionary<string, object?>
                {
                    ["客户"] = r.AccountName,
                    ["负责人"] = r.OwnerName,
                    ["合同编号"] = r.ContractNumber,
                    ["订单编号"] = r.OrderNumber,
                    ["期次"] = r.OrderId is null ? r.No : null,
                    ["到期日"] = r.DueOn.ToString("yyyy-MM-dd"),
                    ["应收金额"] = r.Amount,
                    ["已回款"] = r.Collected,
                    ["未回款"] = r.Open,
                    ["逾期天数"] = r.DaysOverdue,
                });
            }
            if (result.Value.Items.Count < batch)
                break;
        }
        await SaveAsync(rows, "应收账款", path, ct);
        await LogAsync("receivables", all, rows.Count, ct);
        return rows.Count;
    }

    private static async Task SaveAsync(List<Dictionary<string, object?>> rows, string sheet, string path, CancellationToken ct)
    {
        await using var file = File.Create(path);
        await file.SaveAsAsync(rows, sheetName: sheet, cancellationToken: ct);
    }

    private async Task LogAsync<T>(string kind, T filter, int rows, CancellationToken ct)
    {
        db.Unscoped<ExportLog>().Add(new ExportLog { UserId = me.Id, UserName = me.UserName, Kind = kind, Filter = JsonSerializer.Serialize(filter, Json), Rows = rows });
        await db.SaveChangesAsync(ct);
    }
}
