using Kam.Core.Common;
using MiniExcelLibs;

namespace Kam.Core.Orders;

/// <summary>Exports the order list and the shipment list as filtered, under the data scope, to .xlsx; each export logged.</summary>
public sealed class ExportOrders(IKamDb db, ICurrentUser me, ListOrders orders, ListShipments shipments)
{
    private const int Chunk = 500;

    public static readonly IReadOnlyDictionary<OrderStatus, string> StatusNames = new Dictionary<OrderStatus, string>
    {
        [OrderStatus.Received] = "已接收",
        [OrderStatus.Confirmed] = "已确认",
        [OrderStatus.PartlyShipped] = "部分发货",
        [OrderStatus.Shipped] = "已发货",
        [OrderStatus.Delivered] = "已送达",
        [OrderStatus.Closed] = "已关闭",
        [OrderStatus.Cancelled] = "已取消",
    };

    public static readonly IReadOnlyDictionary<ShipmentStatus, string> ShipmentStatusNames = new Dictionary<ShipmentStatus, string>
    {
        [ShipmentStatus.PendingApproval] = "待审批",
        [ShipmentStatus.Approved] = "已批准",
        [ShipmentStatus.Rejected] = "已驳回",
        [ShipmentStatus.Shipped] = "已发出",
        [ShipmentStatus.Delivered] = "已送达",
    };

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
                    ["订单号"] = r.Number,
                    ["客户"] = r.AccountName,
                    ["合同"] = r.ContractNumber,
                    ["负责人"] = r.OwnerName,
                    ["下单日期"] = r.OrderedOn.ToString("yyyy-MM-dd"),
                    ["付款到期日"] = r.PaymentDueOn.ToString("yyyy-MM-dd"),
                    ["状态"] = StatusNames[r.Status],
                    ["金额(元)"] = r.Total,
                    ["已回款(元)"] = r.Collected,
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: "订单", cancellationToken: ct);
        await ExportLogging.LogAsync(db, me, "orders", query with { Page = null, PageSize = null }, count, ct);
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
                    ["发货单号"] = r.Number,
                    ["类型"] = r.Kind == ShipmentKind.MakeUp ? "补发货" : "发货",
                    ["订单号"] = r.OrderNumber,
                    ["客户"] = r.AccountName,
                    ["原发货单"] = r.OriginalNumber,
                    ["状态"] = ShipmentStatusNames[r.Status],
                    ["发货日期"] = r.ShippedOn?.ToString("yyyy-MM-dd"),
                    ["承运商"] = r.Carrier,
                    ["运单号"] = r.TrackingNumber,
                    ["送达日期"] = r.DeliveredOn?.ToString("yyyy-MM-dd"),
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: "发货", cancellationToken: ct);
        await ExportLogging.LogAsync(db, me, "shipments", query with { Page = null, PageSize = null }, count, ct);
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
