using MiniExcelLibs;

namespace Kam.E2E.Tests.Infrastructure;

/// <summary>Writes the .xlsx files a user would upload and reads the ones the app hands out.</summary>
public static class Spreadsheets
{
    /// <summary>One sheet with the header row taken from the first row's keys (every row must use the same keys).</summary>
    public static byte[] Write(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Select(r => r.ToDictionary(p => p.Key, p => p.Value)).ToList(), excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The data rows of the first sheet, keyed by the header row.</summary>
    public static List<IDictionary<string, object?>> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
    }
}

/// <summary>
/// Unified social credit codes (GB 32100-2015) for test data, computed here independently of the app: 18 characters
/// from a 31-character alphabet, the last one a check character over the first 17.
/// </summary>
public static class CreditCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>A valid code nobody else uses: "91" + Guangzhou's division code + a random organisation code.</summary>
    public static string NewValid()
    {
        var body = "91440100" + string.Concat(Enumerable.Range(0, 9).Select(_ => Alphabet[Random.Shared.Next(Alphabet.Length)]));
        return body + Check(body);
    }

    public static char Check(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
