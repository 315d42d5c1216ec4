using System.Net.Http.Json;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Opportunities;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>
/// The search index (overlapping character pairs; FTS5 on SQLite, a GIN text-search index on PostgreSQL) finds exactly
/// what the contains-test (LIKE '%…%') it replaced found, on both databases, and is kept in step by every save.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SearchIndexTests(KamFactory app)
{
    // Characters the generated book is made of: Chinese, Latin in both cases, digits, and what LIKE treats specially.
    private const string Pool = "华远家居建材宁波上海浩森大科技有限公司AbCdXyZ0123456789 -_%·（）&.'";

    private static string Text(Random random, int min, int max) =>
        new(Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Pool[random.Next(Pool.Length)]).ToArray());

    [Fact]
    public async Task Account_search_through_the_index_finds_exactly_what_a_contains_scan_finds()
    {
        var random = new Random(20261207);
        var tag = "索" + Guid.NewGuid().ToString("N")[..6];
        var ownerId = await app.Read(db => db.Users.Where(u => u.UserName == "am1").Select(u => u.Id).FirstAsync());
        await app.Change(db =>
        {
            for (var i = 0; i < 400; i++)
            {
                var account = new Account
                {
                    Name = tag + Text(random, 2, 14),
                    NormalizedName = tag + i,
                    ShortName = random.Next(3) == 0 ? Text(random, 1, 4) : null,
                    Category = AccountCategory.Dealer,
                    OwnerId = ownerId,
                };
                var contacts = Enumerable.Range(0, random.Next(3))
                    .Select(_ => (Name: Text(random, 2, 4), Mobile: (string?)("1" + random.NextInt64(3_000_000_000, 9_999_999_999)))).ToList();
                account.SearchText = AccountSearch.Build(account, contacts);
                db.Unscoped<Account>().Add(account);
            }
            return Task.CompletedTask;
        });

        string[] queries =
        [
            "华", "远", "%", "_", "a", "A", "7", "（",                 // one character (a prefix word)
            "华远", "家居", "ab", "XY", "12", "%_", " -", "居华", "7|", // two characters (one pair; | ends a field)
            "华远家", "宁波浩森", "abcd", "0123", "a1", "司A", "科技有限公司", "（）&", // longer and mixed
            tag, tag + "华", "13", "138", "9999", "不存在的名字", "qqq",
        ];
        foreach (var query in queries)
        {
            var (scan, indexed, candidates) = await app.Read(async db =>
            {
                var text = query.Trim().ToLowerInvariant();
                var pattern = "%" + Like.Escape(text) + "%";
                var all = db.Unscoped<Account>().Where(a => a.Name.StartsWith(tag));
                var scan = await all.Where(a => EF.Functions.Like(a.SearchText, pattern, Like.EscapeCharacter)).Select(a => a.Id).OrderBy(id => id).ToListAsync();
                var indexed = await all.Containing(db, query).Select(a => a.Id).OrderBy(id => id).ToListAsync();
                var candidates = await all.CountAsync(a => db.Matching(SearchKind.Account, text).Contains(a.Id));
                return (scan, indexed, candidates);
            });
            Assert.True(scan.SequenceEqual(indexed), $"'{query}': the contains-scan found {scan.Count}, the index {indexed.Count}");
            Assert.True(candidates >= scan.Count, $"'{query}': the index named {candidates} candidates for {scan.Count} matches");
        }
        // The index narrows: a rare fragment names few candidates of the 400.
        var rare = await app.Read(db => db.Unscoped<Account>().Where(a => a.Name.StartsWith(tag)).CountAsync(a => db.Matching(SearchKind.Account, "不存在").Contains(a.Id)));
        Assert.Equal(0, rare);
    }

    [Fact]
    public async Task Document_search_by_own_text_or_account_finds_what_a_contains_scan_finds_in_either_shape()
    {
        // Projects stand for the four document lists (contracts, payments, projects, cases): found by their own text or
        // by their account's. PostgreSQL reads the ids first (a list of values) unless there are too many; both shapes,
        // and SQLite's subqueries, must find exactly what the contains-scan finds.
        var random = new Random(20261208);
        var tag = "档" + Guid.NewGuid().ToString("N")[..6];
        var ownerId = await app.Read(db => db.Users.Where(u => u.UserName == "am1").Select(u => u.Id).FirstAsync());
        await app.Change(db =>
        {
            for (var i = 0; i < 40; i++)
            {
                var account = new Account { Name = tag + Text(random, 2, 10), NormalizedName = tag + "账" + i, Category = AccountCategory.Dealer, OwnerId = ownerId };
                account.SearchText = AccountSearch.Build(account, []);
                db.Unscoped<Account>().Add(account);
                for (var j = random.Next(4); j > 0; j--)
                {
                    db.Unscoped<Opportunity>().Add(new Opportunity
                    {
                        AccountId = account.Id,
                        OwnerId = ownerId,
                        Name = Text(random, 2, 12),
                        ExpectedAmount = 1000m,
                        Probability = 20,
                        Status = OpportunityStatus.Open,
                        ExpectedSignOn = new DateOnly(2026, 12, 31),
                        Stage = "contact",
                    });
                }
            }
            return Task.CompletedTask;
        });

        string[] queries = ["华", "%", "华远", "家居", "ab", "7|", "宁波浩森", "科技有限公司", tag, tag[..3], "不存在的名字"];
        foreach (var query in queries)
        {
            var (scan, read, subqueries) = await app.Read(async db =>
            {
                var text = query.Trim().ToLowerInvariant();
                var pattern = "%" + Like.Escape(text) + "%";
                var ours = db.Unscoped<Opportunity>().Where(o => db.Unscoped<Account>().Any(a => a.Id == o.AccountId && a.NormalizedName.StartsWith(tag)));
                var named = db.Unscoped<Account>().Where(a => EF.Functions.Like(a.SearchText, pattern, Like.EscapeCharacter)).Select(a => a.Id);
                var scan = await ours.Where(o => EF.Functions.Like(o.Name.ToLower(), pattern, Like.EscapeCharacter) || named.Contains(o.AccountId))
                    .Select(o => o.Id).OrderBy(id => id).ToListAsync();
                async Task<List<Guid>> Found(int mostIdsRead) => await ours
                    .OwnTextOrAccount(db, SearchKind.Opportunity, query, o => EF.Functions.Like(o.Name.ToLower(), pattern, Like.EscapeCharacter),
                        db.Unscoped<Account>().Containing(db, query).Select(a => a.Id), mostIdsRead)
                    .Select(o => o.Id).OrderBy(id => id).ToListAsync();
                return (scan, await Found(DocumentSearch.MostIdsRead), await Found(-1));
            });
            Assert.True(scan.SequenceEqual(read), $"'{query}': the contains-scan found {scan.Count}, the search with ids read {read.Count}");
            Assert.True(scan.SequenceEqual(subqueries), $"'{query}': the contains-scan found {scan.Count}, the search by subqueries {subqueries.Count}");
        }
        Assert.NotEmpty(await app.Read(db => db.Unscoped<Opportunity>().Where(o => db.Unscoped<Account>().Any(a => a.Id == o.AccountId && a.NormalizedName.StartsWith(tag)))
            .OwnTextOrAccount(db, SearchKind.Opportunity, tag, o => false, db.Unscoped<Account>().Containing(db, tag).Select(a => a.Id)).ToListAsync()));
    }

    [Fact]
    public async Task The_index_follows_renames_new_contacts_and_contracts_through_the_api()
    {
        using var am1 = await app.As("am1");
        var stem = "索引" + Random.Shared.Next(100_000, 999_999);
        var account = await Accounts.Create(am1, name: stem + "旧名家居有限公司");
        var id = (string)account["id"]!;
        async Task<int> Found(string search) =>
            (int)(await (await am1.GetAsync($"/api/accounts?search={Uri.EscapeDataString(search)}")).ReadJson())["total"]!;

        Assert.Equal(1, await Found(stem + "旧名"));
        var body = Accounts.Body(stem + "新名建材有限公司");
        body["version"] = account["version"]!.DeepClone();
        (await am1.PutAsJsonAsync($"/api/accounts/{id}", body)).EnsureSuccessStatusCode();
        Assert.Equal(0, await Found(stem + "旧名"));
        Assert.Equal(1, await Found(stem + "新名"));

        var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        (await am1.PostAsJsonAsync($"/api/accounts/{id}/contacts", new { name = "索引联系人", mobile })).EnsureSuccessStatusCode();
        Assert.Equal(1, await Found(mobile[3..]));

        var title = "索引合同" + Random.Shared.Next(100_000, 999_999);
        var contract = await Contracts.Create(am1, Guid.Parse(id), new { title });
        var byTitle = await (await am1.GetAsync($"/api/contracts?search={Uri.EscapeDataString(title[2..])}")).ReadJson();
        Assert.Equal([(string)contract["id"]!], byTitle["items"]!.AsArray().Select(c => (string)c!["id"]!));
        var byAccount = await (await am1.GetAsync($"/api/contracts?search={Uri.EscapeDataString(stem + "新名")}")).ReadJson();
        Assert.Contains((string)contract["id"]!, byAccount["items"]!.AsArray().Select(c => (string)c!["id"]!));
        var entries = await app.Read(db => db.Set<SearchEntry>().CountAsync(e => e.RecordId == Guid.Parse(id) || e.RecordId == Guid.Parse((string)contract["id"]!)));
        Assert.Equal(2, entries);
    }

    [Fact]
    public async Task A_record_removed_from_the_database_leaves_no_entry_behind()
    {
        var ownerId = await app.Read(db => db.Users.Where(u => u.UserName == "am1").Select(u => u.Id).FirstAsync());
        var account = new Account { Name = "删除索引测试", NormalizedName = "删除索引测试" + Guid.NewGuid(), Category = AccountCategory.Dealer, OwnerId = ownerId };
        account.SearchText = AccountSearch.Build(account, []);
        await app.Change(db =>
        {
            db.Unscoped<Account>().Add(account);
            return Task.CompletedTask;
        });
        Assert.Equal(1, await app.Read(db => db.Set<SearchEntry>().CountAsync(e => e.RecordId == account.Id)));

        await app.Change(async db => db.Unscoped<Account>().Remove(await db.Unscoped<Account>().FirstAsync(a => a.Id == account.Id)));

        Assert.Equal(0, await app.Read(db => db.Set<SearchEntry>().CountAsync(e => e.RecordId == account.Id)));
    }
}
