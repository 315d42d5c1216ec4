using Kam.Core.Accounts;
using Kam.Core.Users;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// The archive: a few hundred accounts across categories and provinces for the demo department, or
/// <see cref="DemoOptions.Scale"/> accounts with four contacts each for the benchmarks (50,000 → 200,000 contacts).
/// Runs once: an archive with any account is left as it is.
/// </summary>
public sealed class DemoAccountsStep(KamDbContext db, Divisions divisions, TimeProvider clock) : ISeedStep
{
    public const int DemoAccounts = 320;
    private const int Batch = 2000;

    public int Order => 20;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<Account>().AnyAsync(ct))
            return;
        var managers = context.Users.Values.Where(u => u.UserName!.StartsWith("am", StringComparison.Ordinal))
            .OrderBy(u => u.UserName!.Length).ThenBy(u => u.UserName, StringComparer.Ordinal).ToList();
        if (managers.Count == 0)
            return;
        var scale = context.Options.Scale > 0 ? context.Options.Scale : DemoAccounts;
        var r = context.Random;
        var cities = divisions.Provinces.SelectMany(p => p.Children.Select(c => (Province: p, City: c))).ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        db.GeneratingData = true;
        try
        {
            for (var start = 0; start < scale; start += Batch)
            {
                for (var i = start; i < Math.Min(scale, start + Batch); i++)
                    Add(i, managers, cities, names, r, context.Options.Scale > 0);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            db.GeneratingData = false;
        }
    }

    private void Add(int serial, List<User> managers, List<(Division Province, Division City)> cities, HashSet<string> names, Random r, bool atScale)
    {
        // The demo leans on the four regions the demo managers cover; the benchmark spreads across the country.
        var (province, city) = cities[r.Next(cities.Count)];
        var category = DemoNames.Category(r);
        var cityName = city.Name == "市辖区" ? province.Name : city.Name;
        var name = DemoNames.Company(category, cityName, r);
        if (!names.Add(AccountNames.Normalize(name)))
        {
            name = name.Replace("有限公司", $"{serial % 97 + 1}号有限公司", StringComparison.Ordinal);
            if (!names.Add(AccountNames.Normalize(name)))
            {
                name = $"{name}（{serial}）";
                names.Add(AccountNames.Normalize(name));
            }
        }
        var owner = managers[serial % managers.Count];
        var purchase = Math.Round((decimal)(r.NextDouble() * r.NextDouble()) * 12_000_000m, 2);
        var account = new Account
        {
            Name = name,
            NormalizedName = AccountNames.Normalize(name),
            ShortName = name.Length > 8 ? name[..Math.Min(6, name.Length)] : null,
            CreditCode = category == AccountCategory.Government && !atScale ? null : DemoNames.CreditCode(city.Code, serial, r),
            Category = category,
            Industry = DemoNames.Industry(category, r),
            ProvinceCode = province.Code,
            CityCode = city.Code,
            DistrictCode = city.Children.Count > 0 ? city.Children[r.Next(city.Children.Count)].Code : null,
            Address = $"{DemoNames.Word(r)}路{r.Next(1, 999)}号",
            AnnualRevenue = Math.Round(purchase * (decimal)(5 + r.NextDouble() * 20), 2),
            AnnualPurchase = purchase,
            Brands = string.Join("、", DemoNames.Brands.Where(_ => r.Next(3) > 0).DefaultIfEmpty(DemoNames.Brands[0])),
            Status = (AccountStatus)(r.Next(10) switch { < 2 => 0, < 8 => 1, < 9 => 2, _ => 3 }),
            OwnerId = owner.Id,
            Source = r.Next(3) switch { 0 => "展会", 1 => "老客户介绍", _ => "主动开发" },
            Tags = r.Next(4) == 0 ? "重点" : r.Next(5) == 0 ? "战略合作" : null,
        };
        if (account.Status != AccountStatus.Prospect)
        {
            // Developed over the last two years (not all on the day the demo was made), for its owner: the targets'
            // new-account figures then have a history. Taken from the serial, not the random source, so the rest of
            // the demo stays as it was.
            account.BecameActiveOn = Kam.Core.Common.BusinessClock.Today(clock).AddDays(-(serial * 37 % 730));
            account.CreditedToId = owner.Id;
        }
        TierPolicy.Default.Apply(account);
        db.Unscoped<Account>().Add(account);
        if (r.Next(10) == 0 && managers.Count > 1)
            db.Unscoped<AccountMember>().Add(new AccountMember { AccountId = account.Id, UserId = managers[(serial + 1) % managers.Count].Id });

        var contacts = new List<Contact>();
        var count = atScale ? 4 : r.Next(1, 5);
        for (var c = 0; c < count; c++)
        {
            var contact = new Contact
            {
                AccountId = account.Id,
                Name = DemoNames.Person(r),
                Title = c == 0 ? "总经理" : DemoNames.Titles[r.Next(1, DemoNames.Titles.Length)],
                Mobile = DemoNames.Mobile(r),
                DecisionRole = c == 0 ? DecisionRole.DecisionMaker : (DecisionRole)r.Next(1, 4),
                Attitude = (Attitude)(r.Next(10) switch { < 5 => 0, < 8 => 1, _ => 2 }),
                Strength = r.Next(1, 6),
                ReportsToId = c == 0 ? null : contacts[c == 1 ? 0 : r.Next(0, c)].Id,
            };
            contacts.Add(contact);
        }
        db.Unscoped<Contact>().AddRange(contacts);
        account.SearchText = AccountSearch.Build(account, contacts.Select(x => (x.Name, x.Mobile)));
    }
}
