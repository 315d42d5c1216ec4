using Kam.Core.Accounts;
using Kam.Core.Channels;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// Channel agents (渠道代理): for each of the provinces with the most accounts, one agent under a yearly agreement
/// (one of them expiring within the month, so the list shows why the date matters) serving a few of its accounts.
/// Runs once: a department with any agent is left as it is.
/// </summary>
public sealed class DemoChannelAgentsStep(KamDbContext db, Divisions divisions, TimeProvider clock) : ISeedStep
{
    private const int Agents = 5;

    public int Order => 25;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<ChannelAgent>().AnyAsync(ct) || !await db.Unscoped<Account>().AnyAsync(ct))
            return;
        var r = new Random(context.Options.RandomSeed + 25);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var provinces = await db.Unscoped<Account>().Where(a => a.ProvinceCode != null && a.ArchivedAt == null)
            .GroupBy(a => a.ProvinceCode!).Select(g => new { Code = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Code).Take(Agents).ToListAsync(ct);
        for (var i = 0; i < provinces.Count; i++)
        {
            var code = provinces[i].Code;
            var province = divisions.Provinces.FirstOrDefault(p => p.Code == code);
            if (province is null)
                continue;
            var start = today.AddMonths(-r.Next(2, 11));
            var agent = new ChannelAgent
            {
                Name = $"{province.Name.TrimEnd('省', '市')}{DemoNames.Word(r)}{(i % 2 == 0 ? "商贸" : "家具销售")}有限公司",
                Territory = code,
                AgreementNo = $"QD-{today.Year}-{i + 1:D3}",
                AgreementStart = start,
                // The first agent's agreement runs out this month: renewing it is on someone's list.
                AgreementEnd = i == 0 ? today.AddDays(20) : start.AddYears(1).AddDays(-1),
                ContactPerson = DemoNames.Person(r),
                ContactPhone = DemoNames.Mobile(r),
            };
            db.Unscoped<ChannelAgent>().Add(agent);
            var served = await db.Unscoped<Account>().Where(a => a.ProvinceCode == code && a.ArchivedAt == null)
                .OrderBy(a => a.Name).Select(a => a.Id).Take(3 + r.Next(6)).ToListAsync(ct);
            db.Unscoped<AgentAccount>().AddRange(served.Select(id => new AgentAccount { AgentId = agent.Id, AccountId = id }));
        }
        await db.SaveChangesAsync(ct);
    }
}
