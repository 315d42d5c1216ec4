namespace Kam.Core.Common;

/// <summary>
/// The columns of an import or export sheet, each named by a text key: a sheet is written with its headers in the
/// user's language, and read whichever of Kam's languages its headers are in (a Chinese template filled in by an
/// English-speaking colleague imports the same).
/// </summary>
public sealed class SheetColumns
{
    private readonly Dictionary<string, string> _byHeader = new(StringComparer.OrdinalIgnoreCase);

    public SheetColumns(params string[] columns)
    {
        foreach (var column in columns)
        {
            foreach (var language in Text.Languages)
                _byHeader.TryAdd(Text.Find(column, language) ?? throw new InvalidOperationException($"No text for the column {column}"), column);
        }
    }

    /// <summary>The column's header in the current language.</summary>
    public static string Header(string column) => Text.Get(column);

    /// <summary>The column a header names (in any language), or null for a header the sheet does not know.</summary>
    public string? ColumnOf(string header) => _byHeader.GetValueOrDefault(header.Trim());

    /// <summary>A row as read from the file, keyed by column instead of by header; unknown headers are dropped.</summary>
    public Dictionary<string, object?> Row(IDictionary<string, object?> cells)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (header, value) in cells)
        {
            if (ColumnOf(header) is { } column)
                row.TryAdd(column, value);
        }
        return row;
    }

    /// <summary>A row to write, keyed by the headers of the current language.</summary>
    public static Dictionary<string, object?> Headed(IEnumerable<KeyValuePair<string, object?>> cells) =>
        cells.ToDictionary(c => Header(c.Key), c => c.Value);
}
