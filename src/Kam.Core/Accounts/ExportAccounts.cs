using Kam.Core.Common;
using Kam.Core.Exports;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Core.Accounts;

/// <summary>
/// Exports the account list as it is filtered, under the data scope, to .xlsx; every export is logged
/// (who, when, which filter, how many rows) for the head.
/// </summary>
public sealed class ExportAccounts(IKamDb db, ListAccounts list, ICurrentUser me, Divisions divisions)
{
    /// <summary>Writes the workbook to <paramref name="path"/> and returns the number of accounts in it.</summary>
    public async Task<int> WriteAsync(AccountQuery query, string path, CancellationToken ct = default)
    {
        var owners = await db.Unscoped<User>().AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var count = 0;
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var a in list.Query(query with { Page = null, PageSize = null }).AsEnumerable())
            {
                count++;
                yield return SheetColumns.Headed(new Dictionary<string, object?>
                {
                    [AccountSheet.Name] = a.Name,
                    [AccountSheet.ShortName] = a.ShortName,
                    [AccountSheet.CreditCode] = a.CreditCode,
                    [AccountSheet.Category] = Text.Of(a.Category),
                    [AccountSheet.Tier] = a.Tier.ToString(),
                    [AccountSheet.Status] = Text.Of(a.Status),
                    [AccountSheet.Industry] = a.Industry,
                    [AccountSheet.Province] = divisions.NameOf(a.ProvinceCode),
                    [AccountSheet.City] = divisions.NameOf(a.CityCode),
                    [AccountSheet.District] = divisions.NameOf(a.DistrictCode),
                    [AccountSheet.Address] = a.Address,
                    [AccountSheet.AnnualRevenue] = a.AnnualRevenue,
                    [AccountSheet.AnnualPurchase] = a.AnnualPurchase,
                    [AccountSheet.Brands] = a.Brands,
                    [AccountSheet.Owner] = owners.GetValueOrDefault(a.OwnerId),
                    [AccountSheet.Source] = a.Source,
                    [AccountSheet.Tags] = a.Tags,
                    [AccountSheet.Notes] = a.Notes,
                    [AccountSheet.UpdatedAt] = BusinessClock.Format(a.UpdatedAt),
                });
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: Text.Get("nav.archive"), cancellationToken: ct);
        await db.RecordExportAsync(me, "accounts", query with { Page = null, PageSize = null }, count, ct);
        return count;
    }

    /// <summary>The export log, newest first: the head reads who took what out of the archive.</summary>
    public async Task<PagedResult<ExportLog>> Log(int page, int pageSize, CancellationToken ct = default)
    {
        var paging = new PageRequest(page, pageSize);
        var total = await db.Unscoped<ExportLog>().CountAsync(ct);
        var items = await db.Unscoped<ExportLog>().AsNoTracking().OrderByDescending(e => e.CreatedAt).PageOf(paging).ToListAsync(ct);
        return new PagedResult<ExportLog>(items, total);
    }
}
