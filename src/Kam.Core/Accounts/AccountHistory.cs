using System.Text.Json;
using Kam.Core.Audit;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>The account's history: every audited change to it, its contacts and its team, newest first.</summary>
public sealed class AccountHistory(IKamDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<PagedResult<AuditRow>>> Handle(Guid accountId, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        var paging = new PageRequest(page, pageSize);
        var entries = db.Unscoped<AuditEntry>().AsNoTracking().Where(e => e.AccountId == accountId);
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).PageOf(paging).ToListAsync(ct);
        return new PagedResult<AuditRow>(items.Select(e => new AuditRow(e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.Action,
            JsonSerializer.Deserialize<List<AuditChange>>(e.Changes, Json) ?? [])).ToList(), total);
    }
}
