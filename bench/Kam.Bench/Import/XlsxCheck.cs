using MiniExcelLibs;

namespace Kam.Bench.Import;

/// <summary>
/// Reads a generated file back with MiniExcel (streaming, as the server is expected to) and checks what the
/// import will rely on: the header row, the row count, unique names and credit codes, and both check characters.
/// </summary>
public static class XlsxCheck
{
    private static readonly HashSet<string> Categories = ["经销商", "房地产", "设计院", "政府机构", "企业", "其他"];
    private static readonly HashSet<string> Statuses = ["潜在", "合作中", "休眠", "流失"];
    private static readonly HashSet<string> Owners = ["am1", "am2", "am3", "am4"];

    /// <summary>The problems found (at most <paramref name="limit"/>), empty when the file is as generated.</summary>
    public static List<string> Problems(string path, int expectedRows, int limit = 20)
    {
        var problems = new List<string>();
        var headers = MiniExcel.GetColumns(path, useHeaderRow: true).ToArray();
        if (!headers.SequenceEqual(AccountRow.Headers))
            problems.Add($"headers are [{string.Join(", ", headers)}], expected [{string.Join(", ", AccountRow.Headers)}]");

        var names = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var places = ChinaPlaces.All.ToDictionary(p => p.City);
        var rows = 0;
        foreach (var row in MiniExcel.Query<AccountRow>(path))
        {
            rows++;
            var line = rows + 1; // Excel row number: the header is row 1
            void Fail(string what)
            {
                if (problems.Count < limit)
                    problems.Add($"row {line}: {what}");
            }
            if (!names.Add(row.Name))
                Fail($"duplicate name {row.Name}");
            if (CreditCode.Problem(row.CreditCode) is { } codeProblem)
                Fail($"credit code {row.CreditCode}: {codeProblem}");
            else if (!codes.Add(row.CreditCode))
                Fail($"duplicate credit code {row.CreditCode}");
            if (!Categories.Contains(row.Category))
                Fail($"客户类别 '{row.Category}'");
            if (!Statuses.Contains(row.Status))
                Fail($"客户状态 '{row.Status}'");
            if (!Owners.Contains(row.Owner))
                Fail($"负责人 '{row.Owner}'");
            if (!places.TryGetValue(row.City, out var place) || place.Province != row.Province
                || !place.Districts.Contains(row.District) || row.CreditCode.Substring(2, 6) != place.Division)
                Fail($"place {row.Province}/{row.City}/{row.District} or its division code");
            if (row.AnnualRevenue is not { } revenue || revenue <= 0 || decimal.Round(revenue, 2) != revenue
                || row.AnnualPurchase is not { } purchase || purchase <= 0 || decimal.Round(purchase, 2) != purchase)
                Fail($"amounts {row.AnnualRevenue} / {row.AnnualPurchase}");
        }
        if (rows != expectedRows)
            problems.Add($"{rows} data rows, expected {expectedRows}");
        return problems;
    }
}
