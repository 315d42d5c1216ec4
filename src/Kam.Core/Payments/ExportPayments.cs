using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Payments;

/// <summary>Exports payments (as filtered) and open receivables (as filtered) to .xlsx under the data scope; each export is logged.</summary>
public sealed class ExportPayments(IKamDb db, ListPayments payments, Receivables receivables, ICurrentUser me)
{
    public async Task<int> WritePaymentsAsync(PaymentQuery query, string path, CancellationToken ct = default)
    {
        var all = query with { Page = null, PageSize = null };
        var count = 0;
        async IAsyncEnumerable<Dictionary<string, object?>> Rows()
        {
            // Rows are named a page at a time (accounts, contracts, orders), never the whole list at once.
            const int batch = PageRequest.MaxPageSize;
            for (var page = 1; ; page++)
            {
                var result = await payments.Handle(all with { Page = page, PageSize = batch }, ct);
                foreach (var p in result.Items)
                {
                    count++;
                    yield return new Dictionary<string, object?>
                    {
                        [Text.Get("payment.received_on")] = p.ReceivedOn.ToString("yyyy-MM-dd"),
                        [Text.Get("export.account")] = p.AccountName,
                        [Text.Get("contract.number")] = p.ContractNumber,
                        [Text.Get("export.order_number")] = p.OrderNumber,
                        [Text.Get("payment.no")] = p.OrderId is null ? p.InstalmentNo : null,
                        [Text.Get("export.amount")] = p.Amount,
                        [Text.Get("export.method")] = Text.Of(p.Method),
                        [Text.Get("payment.reference")] = p.Reference,
                        [Text.Get("payment.note")] = p.Note,
                        [Text.Get("payment.recorded_by")] = p.RecordedBy,
                        [Text.Get("payment.reversed")] = p.ReversedAt is null ? "" : Text.Get("export.yes"),
                        [Text.Get("export.reversal_reason")] = p.ReversalReason,
                    };
                }
                if (result.Items.Count < batch)
                    break;
            }
        }
        var rows = new List<Dictionary<string, object?>>();
        await foreach (var row in Rows())
            rows.Add(row);
        await SaveAsync(rows, Text.Get("export.sheet.payments"), path, ct);
        await db.RecordExportAsync(me, "payments", all, count, ct);
        return count;
    }

    public async Task<int> WriteReceivablesAsync(ReceivableQuery query, string path, CancellationToken ct = default)
    {
        var all = query with { Page = null, PageSize = null, GroupBy = null };
        var rows = new List<Dictionary<string, object?>>();
        const int batch = PageRequest.MaxPageSize;
        for (var page = 1; ; page++)
        {
            var result = await receivables.Items(all with { Page = page, PageSize = batch }, ct);
            if (!result.IsSuccess)
                break;
            foreach (var r in result.Value.Items)
            {
                rows.Add(new Dictionary<string, object?>
                {
                    [Text.Get("export.account")] = r.AccountName,
                    [Text.Get("export.owner")] = r.OwnerName,
                    [Text.Get("contract.number")] = r.ContractNumber,
                    [Text.Get("export.order_number")] = r.OrderNumber,
                    [Text.Get("payment.no")] = r.OrderId is null ? r.No : null,
                    [Text.Get("receivable.due_on")] = r.DueOn.ToString("yyyy-MM-dd"),
                    [Text.Get("receivable.amount")] = r.Amount,
                    [Text.Get("receivable.collected")] = r.Collected,
                    [Text.Get("receivable.open_amount")] = r.Open,
                    [Text.Get("receivable.days_overdue")] = r.DaysOverdue,
                });
            }
            if (result.Value.Items.Count < batch)
                break;
        }
        await SaveAsync(rows, Text.Get("nav.receivables"), path, ct);
        await db.RecordExportAsync(me, "receivables", all, rows.Count, ct);
        return rows.Count;
    }

    private static async Task SaveAsync(List<Dictionary<string, object?>> rows, string sheet, string path, CancellationToken ct)
    {
        await using var file = File.Create(path);
        await file.SaveAsAsync(rows, sheetName: sheet, cancellationToken: ct);
    }

}
