using System.Globalization;
using System.Text.Json;
using Kam.Core.Audit;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kam.Infrastructure.Data;

/// <summary>
/// Stamps versions and who/when on business records and writes one audit entry per changed record, in the
/// same SaveChanges (so the same transaction) as the change.
/// </summary>
internal static class AuditTrail
{
    // Secrets and bookkeeping that must never be copied into the trail.
    private static readonly HashSet<string> Hidden =
    [
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Version", "NormalizedUserName", "NormalizedEmail",
        "UpdatedAt", "UpdatedById", "CreatedAt", "CreatedById",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Stamp(DbContext db, ICurrentUser user, DateTimeOffset now, bool audit = true)
    {
        db.ChangeTracker.DetectChanges();
        var audits = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is IAudited).ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is Entity business)
            {
                if (entry.State == EntityState.Added)
                {
                    business.CreatedAt = now;
                    business.CreatedById = user.Id;
                    // A new account's visit clock starts the day it enters the archive (whoever or whatever adds it).
                    if (business is Kam.Core.Accounts.Account { VisitDueBase.DayNumber: 0 } account)
                        account.VisitDueBase = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, BusinessClock.Zone).DateTime);
                }
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    business.UpdatedAt = now;
                    business.UpdatedById = user.Id;
                    business.Version = Guid.NewGuid();
                }
            }
            if (!audit || entry.Entity is ISnapshotPart)
                continue;
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
                continue;
            audits.Add(new AuditEntry
            {
                At = now,
                UserId = user.Id,
                UserName = user.UserName ?? "system",
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue))),
                Action = ActionOf(entry),
                AccountId = entry.Entity is IBelongsToAccount owned ? owned.AccountId : null,
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }
        db.Set<AuditEntry>().AddRange(audits);
    }

    private static AuditAction ActionOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => AuditAction.Insert,
        EntityState.Deleted => AuditAction.Delete,
        _ when entry.Entity is IArchivable && entry.Property(nameof(IArchivable.ArchivedAt)).IsModified =>
            entry.Property(nameof(IArchivable.ArchivedAt)).CurrentValue is null ? AuditAction.Restore : AuditAction.Archive,
        _ => AuditAction.Update,
    };

    private static List<AuditChange> Changes(EntityEntry entry)
    {
        var list = new List<AuditChange>();
        foreach (var p in entry.Properties)
        {
            if (Hidden.Contains(p.Metadata.Name) || p.Metadata.IsShadowProperty())
                continue;
            switch (entry.State)
            {
                case EntityState.Added when p.CurrentValue is not null:
                    list.Add(new AuditChange(p.Metadata.Name, null, Format(p.CurrentValue)));
                    break;
                case EntityState.Deleted:
                    list.Add(new AuditChange(p.Metadata.Name, Format(p.OriginalValue), null));
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    list.Add(new AuditChange(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue)));
                    break;
            }
        }
        return list;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
