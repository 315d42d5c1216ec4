using System.Text.Json;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Handovers;

/// <summary>A handover: <paramref name="Skip"/> names the optional parts (<see cref="IHandoverPart.Optional"/>) the head leaves where they are.</summary>
public sealed record HandoverInput(Guid FromUserId, Guid ToUserId, string? Note, IReadOnlyList<string>? Skip = null);

public sealed record HandoverLine(string Kind, int Count, IReadOnlyList<string> Items, bool Optional = false);

public sealed record HandoverPreview(Guid FromUserId, string FromName, Guid ToUserId, string ToName, IReadOnlyList<HandoverLine> Lines);

public sealed record HandoverRecord(Guid Id, DateTimeOffset At, string FromName, string ToName, string ByName, string? Note, IReadOnlyList<HandoverLine> Lines);

/// <summary>
/// 客户移交: the head moves everything one person holds to another in one step and one transaction, each moved
/// record audited, and a handover record kept that can be printed.
/// </summary>
public sealed class HandOverAccounts(IKamDb db, ICurrentUser me, IEnumerable<IHandoverPart> parts)
{
    private const int PreviewItems = 500;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<HandoverPreview>> Preview(Guid fromUserId, Guid toUserId, CancellationToken ct = default)
    {
        if (await CheckAsync(fromUserId, toUserId, ct) is { } error)
            return error;
        var lines = new List<HandoverLine>();
        foreach (var part in parts.OrderBy(p => p.Order))
            lines.Add(new HandoverLine(part.Kind, await part.CountAsync(fromUserId, ct), await part.ListAsync(fromUserId, PreviewItems, ct), part.Optional));
        return new HandoverPreview(fromUserId, await NameOf(fromUserId, ct), toUserId, await NameOf(toUserId, ct), lines);
    }

    public async Task<Result<Guid>> Execute(HandoverInput input, CancellationToken ct = default)
    {
        var preview = await Preview(input.FromUserId, input.ToUserId, ct);
        if (!preview.IsSuccess)
            return preview.Error!;
        var moving = parts.Where(p => !(p.Optional && input.Skip?.Contains(p.Kind) == true)).OrderBy(p => p.Order).ToList();
        var lines = preview.Value.Lines.Where(l => moving.Any(p => p.Kind == l.Kind)).ToList();
        if (lines.All(l => l.Count == 0))
            return Error.Validation("fromUserId", "handover.nothing_to_move");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var part in moving)
            await part.MoveAsync(input.FromUserId, input.ToUserId, ct);
        var handover = new Handover
        {
            FromUserId = input.FromUserId,
            ToUserId = input.ToUserId,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            Summary = JsonSerializer.Serialize(lines, Json),
        };
        db.Unscoped<Handover>().Add(handover);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return handover.Id;
    }

    public async Task<Result<HandoverRecord>> Get(Guid id, CancellationToken ct = default)
    {
        if (!DataScope.IsBackOffice(me))
            return Error.Forbidden();
        var h = await db.Unscoped<Handover>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null)
            return Error.NotFound("handover.not_found");
        return new HandoverRecord(h.Id, h.CreatedAt, await NameOf(h.FromUserId, ct), await NameOf(h.ToUserId, ct),
            h.CreatedById is { } by ? await NameOf(by, ct) : "system", h.Note,
            JsonSerializer.Deserialize<List<HandoverLine>>(h.Summary, Json) ?? []);
    }

    public async Task<IReadOnlyList<HandoverRecord>> Recent(CancellationToken ct = default)
    {
        var ids = await db.Unscoped<Handover>().AsNoTracking().OrderByDescending(h => h.CreatedAt).Take(20).Select(h => h.Id).ToListAsync(ct);
        var records = new List<HandoverRecord>();
        foreach (var id in ids)
        {
            if ((await Get(id, ct)) is { IsSuccess: true } r)
                records.Add(r.Value);
        }
        return records;
    }

    private async Task<Error?> CheckAsync(Guid from, Guid to, CancellationToken ct)
    {
        if (!DataScope.ManagesAccounts(me))
            return Error.Forbidden("handover.only_head");
        if (from == to)
            return Error.Validation("toUserId", "handover.same_person");
        if (!await db.Unscoped<User>().AnyAsync(u => u.Id == from, ct))
            return Error.Validation("fromUserId", "user.not_found");
        var receiverRoles = await (from ur in db.Unscoped<IdentityUserRole<Guid>>()
                                   join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                                   where ur.UserId == to
                                   select r.Name).ToListAsync(ct);
        var receiverActive = await db.Unscoped<User>().AnyAsync(u => u.Id == to && u.IsActive, ct);
        if (!receiverActive || !(receiverRoles.Contains(Roles.AccountManager) || receiverRoles.Contains(Roles.Head)))
            return Error.Validation("toUserId", "handover.receiver_invalid");
        return null;
    }

    private async Task<string> NameOf(Guid id, CancellationToken ct) =>
        await db.Unscoped<User>().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
}
