using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Orders;

/// <summary>Exports the product list as filtered to .xlsx (the import's columns, so it can be edited and imported back); logged.</summary>
public sealed class ExportProducts(IKamDb db, ManageProducts products, ICurrentUser me)
{
    public async Task<int> WriteAsync(ProductQuery query, string path, CancellationToken ct = default)
    {
        var count = 0;
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var p in products.Query(query).AsEnumerable())
            {
                count++;
                yield return SheetColumns.Headed(new Dictionary<string, object?>
                {
                    [ProductSheet.Code] = p.Code,
                    [ProductSheet.Name] = p.Name,
                    [ProductSheet.Brand] = p.Brand,
                    [ProductSheet.Series] = p.Series,
                    [ProductSheet.Unit] = p.Unit,
                    [ProductSheet.ListPrice] = p.ListPrice,
                    [ProductSheet.Active] = ProductSheet.StatusText(p.IsActive),
                });
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: Text.Get("nav.products"), cancellationToken: ct);
        await db.RecordExportAsync(me, "products", query with { Page = null, PageSize = null }, count, ct);
        return count;
    }
}
