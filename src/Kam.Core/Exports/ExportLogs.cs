using System.Text.Json;
using System.Text.Json.Serialization;
using Kam.Core.Common;

namespace Kam.Core.Exports;

/// <summary>The one way an export is logged (domain.md: who exported what): the person, the kind, the filter, the rows.</summary>
public static class ExportLogs
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Records the export and saves.</summary>
    public static async Task RecordExportAsync<TFilter>(this IKamDb db, ICurrentUser me, string kind, TFilter filter, int rows, CancellationToken ct)
    {
        db.Unscoped<ExportLog>().Add(new ExportLog { UserId = me.Id, UserName = me.UserName, Kind = kind, Filter = JsonSerializer.Serialize(filter, Json), Rows = rows });
        await db.SaveChangesAsync(ct);
    }
}
