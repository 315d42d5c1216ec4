using System.Net;
using Kam.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Kam.Web.Tests;

/// <summary>
/// Every export of the API has as many rows as its list has records for the same filters, for the head and for an
/// account manager, on the demo department (hundreds of payments, more than any page or batch). Found from the
/// routing table: a new export is covered by being there.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExportTotalsTests(KamFactory app)
{
    // Exports whose list is not the path without "/export".
    private static readonly Dictionary<string, string> ListOf = new() { ["/api/receivables/export"] = "/api/receivables/instalments" };

    [Fact]
    public async Task Every_export_has_as_many_rows_as_its_list_for_the_head_and_for_an_account_manager()
    {
        var exports = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && r.EndsWith("/export", StringComparison.Ordinal) && !r.Contains('{'))
            // Reports, not lists (the department and each person per metric; the budget's execution grouped; a month's appraisal
            // sheets, the department's only): their scope is DataScopeApiTests' TargetLine, BudgetUsage and Appraisal cases and
            // AppraisalApiTests' export.
            .Where(r => r != "/api/targets/export" && r != "/api/targets/breakdown/export" && r != "/api/budgets/execution/export" && r != "/api/appraisals/export")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(exports.Count >= 8, $"only {exports.Count} exports found: {string.Join(", ", exports)}");

        var checkedLarge = false;
        foreach (var user in new[] { "head", "am2" })
        {
            using var client = await app.As(user);
            foreach (var export in exports)
            {
                var list = ListOf.GetValueOrDefault(export, export[..^"/export".Length]);
                var total = (int)(await (await client.GetAsync(list + "?pageSize=1")).ReadJson())["total"]!;
                var response = await client.GetAsync(export);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{export} as {user}: {(int)response.StatusCode}");
                using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
                var rows = stream.Query(useHeaderRow: true).Count();
                Assert.True(total == rows, $"{export} as {user}: {rows} rows, the list has {total}");
                checkedLarge |= total > 200;
            }
        }
        Assert.True(checkedLarge, "no export had more rows than one page: the demo data is too small to tell");
    }
}
