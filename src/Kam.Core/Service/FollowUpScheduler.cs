using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Orders;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>
/// The occasions that make a satisfaction follow-up, checked with the reminders: an order delivered, a case closed or a
/// contract signed in the last <see cref="WindowDays"/> days, and each quarter every A account (the tiers are the
/// service policy's). Each occasion has its key, unique in the database, so a follow-up is made
/// once whichever server runs first. The assistant gets them (the account's owner when there is no assistant), and a
/// assignee is told once a day how many are due.
/// </summary>
public sealed class FollowUpScheduler(IKamDb db, TimeProvider clock, ServicePolicies policies, FollowUps followUps, Notifier notifier)
{
    public const int WindowDays = 14;

    private const int Batch = 1000;

    /// <summary>Makes the occasions' follow-ups and tells the assignees of those due; returns how many follow-ups were made
    /// and how many notifications were new.</summary>
    public async Task<(int Made, int Notified)> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var since = today.AddDays(-WindowDays);
        var sinceInstant = BusinessClock.StartOf(since);
        var assistant = (await TargetAccess.ActiveIdsAsync(db, Roles.Assistant, ct)).Order().FirstOrDefault();
        var count = 0;

        // Each occasion without its follow-up yet, oldest first, a batch a run: a busy fortnight is worked through over runs
        // instead of the same thousand being looked at again and again.
        var made = db.Unscoped<FollowUp>();
        var delivered = await db.Unscoped<Order>().AsNoTracking()
            .Where(o => o.DeliveredOn != null && o.DeliveredOn >= since && o.DeliveredOn <= today && (o.Status == OrderStatus.Delivered || o.Status == OrderStatus.Closed)
                && !made.Any(f => f.SourceId == o.Id))
            .OrderBy(o => o.DeliveredOn).ThenBy(o => o.Id).Select(o => new { o.AccountId, o.Id }).Take(Batch).ToListAsync(ct);
        count += await MakeAsync(delivered.Select(o => new Occasion(o.AccountId, o.Id, $"order:{o.Id}")).ToList(), FollowUpOccasion.OrderDelivered, assistant, today.AddDays(7), ct);
        var closed = await db.Unscoped<ServiceCase>().AsNoTracking().Where(c => c.Status == CaseStatus.Closed && c.ClosedAt >= sinceInstant && !made.Any(f => f.SourceId == c.Id))
            .OrderBy(c => c.ClosedAt).ThenBy(c => c.Id).Select(c => new { c.AccountId, c.Id }).Take(Batch).ToListAsync(ct);
        count += await MakeAsync(closed.Select(c => new Occasion(c.AccountId, c.Id, $"case:{c.Id}")).ToList(), FollowUpOccasion.CaseClosed, assistant, today.AddDays(3), ct);
        var signed = await db.Unscoped<Contract>().AsNoTracking().Where(c => c.SignedOn != null && c.SignedOn >= since && c.SignedOn <= today && !made.Any(f => f.SourceId == c.Id))
            .OrderBy(c => c.SignedOn).ThenBy(c => c.Id).Select(c => new { c.AccountId, c.Id }).Take(Batch).ToListAsync(ct);
        count += await MakeAsync(signed.Select(c => new Occasion(c.AccountId, c.Id, $"contract:{c.Id}")).ToList(), FollowUpOccasion.ContractSigned, assistant, today.AddDays(7), ct);

        var tiers = ((await policies.Get(ct)).QuarterlyTiers ?? []).ToList();
        var quarter = $"{today.Year}Q{(today.Month - 1) / 3 + 1}";
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        // Accounts without this quarter's follow-up, a batch a run: a big book is covered over the first hours of the quarter.
        var done = (await db.Unscoped<FollowUp>().AsNoTracking().Where(f => f.Occasion == FollowUpOccasion.Quarterly && f.CreatedAt >= BusinessClock.StartOf(quarterStart))
            .Select(f => f.AccountId).ToListAsync(ct)).ToHashSet();
        var quarterly = new List<Occasion>();
        await foreach (var id in db.Unscoped<Account>().AsNoTracking().Where(a => a.ArchivedAt == null && tiers.Contains(a.Tier)).OrderBy(a => a.Id).Select(a => a.Id)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!done.Contains(id))
                quarterly.Add(new Occasion(id, null, $"quarter:{id}:{quarter}"));
            if (quarterly.Count == Batch)
                break;
        }
        count += await MakeAsync(quarterly, FollowUpOccasion.Quarterly, assistant, Max(quarterStart.AddDays(30), today.AddDays(7)), ct);

        // One line a day per assignee (a quarter's first days bring hundreds): how many are due, linking to the list.
        var due = await db.Unscoped<FollowUp>().AsNoTracking().Where(f => f.Status == FollowUpStatus.Open && f.DueOn <= today)
            .GroupBy(f => f.AssigneeId).Select(g => new { Assignee = g.Key, Count = g.Count() }).ToListAsync(ct);
        var notified = await notifier.SendAsync(due.Select(d => new NotificationMessage(d.Assignee, NotificationKinds.FollowUpDue, $"followups_due:{today:yyyy-MM-dd}",
            Text.Get("survey.due_subject", d.Count), today, "/follow-ups")).ToList(), ct);
        return (count, notified);
    }

    private sealed record Occasion(Guid AccountId, Guid? SourceId, string Key);

    private async Task<int> MakeAsync(List<Occasion> occasions, FollowUpOccasion kind, Guid assistant, DateOnly due, CancellationToken ct)
    {
        if (occasions.Count == 0)
            return 0;
        var keys = occasions.Select(o => o.Key).ToList();
        var existing = (await db.Unscoped<FollowUp>().AsNoTracking().Where(f => keys.Contains(f.Key)).Select(f => f.Key).ToListAsync(ct)).ToHashSet();
        var fresh = occasions.Where(o => !existing.Contains(o.Key)).DistinctBy(o => o.Key).ToList();
        if (fresh.Count == 0)
            return 0;
        var accountIds = fresh.Select(o => o.AccountId).Distinct().ToList();
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var made = new List<FollowUp>();
        foreach (var o in fresh)
        {
            if (!accounts.TryGetValue(o.AccountId, out var account))
                continue;
            made.Add(await followUps.NewAsync(account, kind, o.SourceId, o.Key, assistant == Guid.Empty ? account.OwnerId : assistant, due, null, ct));
        }
        db.Unscoped<FollowUp>().AddRange(made);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another server made some of them a moment ago: keep the ones still missing, one by one.
            foreach (var f in made)
                db.Entry(f).State = EntityState.Detached;
            var count = 0;
            foreach (var f in made)
            {
                db.Unscoped<FollowUp>().Add(f);
                try
                {
                    await db.SaveChangesAsync(ct);
                    count++;
                }
                catch (DbUpdateException)
                {
                    db.Entry(f).State = EntityState.Detached;
                }
            }
            return count;
        }
        foreach (var f in made)
            db.Entry(f).State = EntityState.Detached;
        return made.Count;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
