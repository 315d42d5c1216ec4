using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Data;

public sealed class DatabaseMaintenance(KamDbContext db) : IDatabaseMaintenance
{
    public Task RefreshStatisticsAsync(CancellationToken ct) => db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
}
