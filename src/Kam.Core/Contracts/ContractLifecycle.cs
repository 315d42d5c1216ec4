using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>
/// The dates' part of a contract's life, run with the reminders (every 15 minutes, as the system): a signed contract is
/// in force from its start date and expired after its effective end; a running contract whose effective end is within
/// 30 days is announced to its owner and the head once per end date (a supplement that extends it makes a new occasion).
/// </summary>
public static class ContractLifecycle
{
    /// <summary>At most this many contracts move per run: a backlog (an import) is worked off over the next runs.</summary>
    public const int Batch = 500;

    /// <summary>Where a signed contract stands on a date.</summary>
    public static ContractStatus RunningStatus(Contract c, DateOnly today) =>
        today > c.EffectiveEndOn ? ContractStatus.Expired
        : today >= c.StartOn ? ContractStatus.InForce
        : ContractStatus.Signed;

    /// <summary>Moves signed contracts into force and running ones out of it; returns how many moved.</summary>
    public static async Task<int> AdvanceAsync(IKamDb db, DateOnly today, CancellationToken ct)
    {
        var due = await db.Unscoped<Contract>()
            .Where(c => (c.Status == ContractStatus.Signed && (c.StartOn <= today || c.EffectiveEndOn < today))
                || (c.Status == ContractStatus.InForce && c.EffectiveEndOn < today))
            .Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        foreach (var contract in due)
            contract.Status = RunningStatus(contract, today);
        try
        {
            await db.SaveChangesAsync(ct);
            return due.Count;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another server's run moved (some of) them a moment earlier; whatever is left moves in the next run.
            return 0;
        }
        finally
        {
            // The run goes on to write thousands of reminders: nothing of this step may ride along with them.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One message per running contract ending within 30 days, to its owner and to every head.</summary>
    public static async Task<List<NotificationMessage>> ExpiringAsync(IKamDb db, DateOnly today, CancellationToken ct)
    {
        var until = today.AddDays(ListContracts.ExpiringDays);
        var contracts = await db.Unscoped<Contract>().AsNoTracking()
            .Where(c => (c.Status == ContractStatus.Signed || c.Status == ContractStatus.InForce)
                && c.EffectiveEndOn >= today && c.EffectiveEndOn <= until && c.Kind != ContractKind.Supplementary && c.ArchivedAt == null)
            .Select(c => new { c.Id, c.Number, c.Title, c.OwnerId, c.EffectiveEndOn }).ToListAsync(ct);
        if (contracts.Count == 0)
            return [];
        var heads = await (from u in db.Unscoped<User>()
                           join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
                           join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                           where u.IsActive && r.Name == Roles.Head
                           select u.Id).Distinct().ToListAsync(ct);
        var owners = contracts.Select(c => c.OwnerId).Distinct().ToList();
        var activeOwners = (await db.Unscoped<User>().Where(u => owners.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        return contracts.SelectMany(c => heads.Append(c.OwnerId).Distinct().Where(id => heads.Contains(id) || activeOwners.Contains(id))
                .Select(userId => new NotificationMessage(userId, NotificationKinds.ContractExpiring,
                    $"contract_expiring:{c.Id}:{c.EffectiveEndOn:yyyy-MM-dd}", $"{c.Number} {c.Title}", c.EffectiveEndOn, $"/contracts/{c.Id}")))
            .ToList();
    }
}
