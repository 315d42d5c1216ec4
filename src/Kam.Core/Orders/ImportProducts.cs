using System.Globalization;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Core.Orders;

/// <summary>
/// Imports the product catalogue from .xlsx, streamed row by row: every bad cell is reported by row and column; then
/// nothing or only the good rows are applied, as the user chose. A code already in the catalogue UPDATES that product
/// (name, brand, series, unit, list price, status): re-importing the price list is how prices change. A code twice
/// in the same file is an error on its later row.
/// </summary>
public sealed class ImportProducts(IKamDb db, ICurrentUser me)
{
    public const int MaxRows = 100_000;
    private const int Batch = 1000;

    public async Task<Result<ImportResult>> Handle(string path, ImportMode mode, CancellationToken ct = default)
    {
        if (!ManageProducts.MayEdit(me))
            return Error.Forbidden("import.back_office_only");
        HashSet<string>? columns;
        try
        {
            columns = MiniExcel.GetColumns(path, useHeaderRow: true, excelType: ExcelType.XLSX)?.Select(c => c.Trim()).ToHashSet();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException)
        {
            columns = null;
        }
        if (columns is null || !columns.Any(h => ProductSheet.Columns.ColumnOf(h) == ProductSheet.Code))
            return Error.Validation("file", "import.bad_file");

        var errors = new List<ImportError>();
        var good = new List<(int Row, ProductInput Input)>();
        var total = Scan(path, errors, good);
        if (total > MaxRows)
            return new ImportResult(total, 0, 0, false, [new ImportError(MaxRows + 2, "", "import.too_many_rows", MaxRows)]);
        var failed = errors.Select(e => e.Row).Distinct().Count();
        if (mode == ImportMode.AllOrNothing && errors.Count > 0)
            return new ImportResult(total, 0, failed, false, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var imported = 0;
        foreach (var chunk in good.Chunk(Batch))
        {
            var codes = chunk.Select(c => c.Input.Code).ToList();
            var existing = await db.Unscoped<Product>().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
            foreach (var (_, input) in chunk)
            {
                if (!existing.TryGetValue(input.Code, out var product))
                {
                    product = new Product { Code = input.Code };
                    db.Unscoped<Product>().Add(product);
                }
                product.Name = input.Name;
                product.Brand = input.Brand;
                product.Series = input.Series;
                product.Unit = input.Unit;
                product.ListPrice = input.ListPrice ?? 0;
                product.IsActive = input.IsActive ?? true;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            imported += chunk.Length;
        }
        await tx.CommitAsync(ct);
        return new ImportResult(total, imported, failed, true, errors);
    }

    private static int Scan(string path, List<ImportError> errors, List<(int Row, ProductInput Input)> good)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var rowNumber = 1;
        foreach (IDictionary<string, object?> raw in MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            rowNumber++;
            if (rowNumber - 1 > MaxRows)
                return rowNumber - 1;
            var cells = ProductSheet.Columns.Row(raw);
            if (cells.Values.All(v => v is null || string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
            {
                rowNumber--;
                continue;
            }
            var before = errors.Count;
            var input = Parse(rowNumber, cells, errors);
            if (input is not null && !codes.Add(input.Code))
                errors.Add(new ImportError(rowNumber, ProductSheet.Code, "import.duplicate_in_file"));
            if (input is not null && errors.Count == before)
                good.Add((rowNumber, input));
        }
        return rowNumber - 1;
    }

    private static ProductInput? Parse(int row, Dictionary<string, object?> cells, List<ImportError> errors)
    {
        string? Text(string column) => cells.TryGetValue(column, out var v) && v is not null
            ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null
            : null;
        var before = errors.Count;
        void Fail(string column, string code, params object[] args) => errors.Add(new ImportError(row, column, code, args));

        var code = Text(ProductSheet.Code);
        if (code is null)
            Fail(ProductSheet.Code, "product.code_required");
        else if (code.Length > 40)
            Fail(ProductSheet.Code, "field.too_long", 0, 40);
        var name = Text(ProductSheet.Name);
        if (name is null)
            Fail(ProductSheet.Name, "product.name_required");
        else if (name.Length > 200)
            Fail(ProductSheet.Name, "field.too_long", 0, 200);
        var unit = Text(ProductSheet.Unit);
        if (unit is null)
            Fail(ProductSheet.Unit, "product.unit_required");
        else if (unit.Length > 20)
            Fail(ProductSheet.Unit, "field.too_long", 0, 20);
        foreach (var column in new[] { ProductSheet.Brand, ProductSheet.Series })
        {
            if (Text(column) is { Length: > 100 })
                Fail(column, "field.too_long", 0, 100);
        }
        var priceCell = cells.GetValueOrDefault(ProductSheet.ListPrice);
        if (priceCell is null || string.IsNullOrWhiteSpace(Convert.ToString(priceCell, CultureInfo.InvariantCulture)))
            Fail(ProductSheet.ListPrice, "product.price_required");
        else if (!AccountSheet.TryParseAmount(priceCell, out _))
            Fail(ProductSheet.ListPrice, "import.amount_invalid");
        AccountSheet.TryParseAmount(priceCell, out var price);
        var active = ProductSheet.ParseActive(Text(ProductSheet.Active));
        if (active is null)
            Fail(ProductSheet.Active, "import.product_status_unknown");
        if (errors.Count > before)
            return null;
        return new ProductInput
        {
            Code = code!,
            Name = name!,
            Brand = Text(ProductSheet.Brand),
            Series = Text(ProductSheet.Series),
            Unit = unit!,
            ListPrice = price,
            IsActive = active,
        };
    }

    /// <summary>The import template: the headers in the user's language and one example row.</summary>
    public static async Task WriteTemplateAsync(Stream output, CancellationToken ct) =>
        await output.SaveAsAsync(new[] { SheetColumns.Headed(ProductSheet.ExampleRow()) }, sheetName: Text.Get("nav.products"), cancellationToken: ct);
}
