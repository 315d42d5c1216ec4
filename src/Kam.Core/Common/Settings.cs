using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Common;

/// <summary>Reads and writes typed settings; a missing setting is its default.</summary>
public sealed class Settings(IKamDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<T> GetAsync<T>(string key, T fallback, CancellationToken ct = default)
    {
        var value = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return value is null ? fallback : JsonSerializer.Deserialize<T>(value, Json) ?? fallback;
    }

    public async Task<Setting> SetAsync<T>(string key, T value, CancellationToken ct = default)
    {
        var setting = await db.Unscoped<Setting>().FirstOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
        {
            setting = new Setting { Key = key };
            db.Unscoped<Setting>().Add(setting);
        }
        setting.Value = JsonSerializer.Serialize(value, Json);
        return setting;
    }
}
