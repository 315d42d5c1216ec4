using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Orders;

/// <summary>Exports the order list and the shipment list as filtered, under the data scope, to .xlsx; each export logged.</summary>
public sealed class ExportOrders(IKamDb db, ICurrentUser me, ListOrders orders, ListShipments shipments)
{
    private const int Chunk = 500;

    public async Task<int> WriteOrdersAsync(OrderQuery query, string path, CancellationToken ct = default)
    {
        var count = 0;
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var r in Pages(orders.Query(query), page => orders.RowsAsync(page, ct)))
            {
                count++;
                yield return new Dictionary<string, object?>
                {
                    [Text.Get("order.number")] = r.Number,
                    [Text.Get("export.account")] = r.AccountName,
                    [Text.Get("export.contract")] = r.ContractNumber,
                    [Text.Get("export.owner")] = r.OwnerName,
                    [Text.Get("order.ordered_on")] = r.OrderedOn.ToString("yyyy-MM-dd"),
                    [Text.Get("order.payment_due_on")] = r.PaymentDueOn.ToString("yyyy-MM-dd"),
                    [Text.Get("export.status")] = Text.Of(r.Status),
                    [Text.Get("export.amount_yuan")] = r.Total,
                    [Text.Get("export.collected_yuan")] = r.Collected,
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: Text.Get("export.sheet.orders"), cancellationToken: ct);
        await db.RecordExportAsync(me, "orders", query with { Page = null, PageSize = null }, count, ct);
        return count;
    }

    public async Task<int> WriteShipmentsAsync(ShipmentQuery query, string path, CancellationToken ct = default)
    {
        var count = 0;
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var r in Pages(shipments.Query(query), page => shipments.RowsAsync(page, ct)))
            {
                count++;
                yield return new Dictionary<string, object?>
                {
                    [Text.Get("shipment.number")] = r.Number,
                    [Text.Get("export.kind")] = Text.Of(r.Kind),
                    [Text.Get("order.number")] = r.OrderNumber,
                    [Text.Get("export.account")] = r.AccountName,
                    [Text.Get("shipment.original")] = r.OriginalNumber,
                    [Text.Get("export.status")] = Text.Of(r.Status),
                    [Text.Get("shipment.shipped_on")] = r.ShippedOn?.ToString("yyyy-MM-dd"),
                    [Text.Get("shipment.carrier")] = r.Carrier,
                    [Text.Get("shipment.tracking_number")] = r.TrackingNumber,
                    [Text.Get("order.delivered_on")] = r.DeliveredOn?.ToString("yyyy-MM-dd"),
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: Text.Get("export.sheet.shipments"), cancellationToken: ct);
        await db.RecordExportAsync(me, "shipments", query with { Page = null, PageSize = null }, count, ct);
        return count;
    }

    /// <summary>The rows page by page (one reader open at a time: PostgreSQL runs one command per connection), streamed to the file.</summary>
    private static IEnumerable<TRow> Pages<T, TRow>(IQueryable<T> query, Func<IReadOnlyList<T>, Task<IReadOnlyList<TRow>>> rows)
    {
        for (var skip = 0; ; skip += Chunk)
        {
            var page = query.Skip(skip).Take(Chunk).ToList();
            foreach (var row in rows(page).GetAwaiter().GetResult())
                yield return row;
            if (page.Count < Chunk)
                yield break;
        }
    }
}
