using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kam.Web.Tests;

/// <summary>Every text key the code uses exists in Chinese and in English.</summary>
public sealed partial class LocalisationTests
{
    private static readonly string Root = FindRoot();

    /// <summary>Each capability's pair of text files: Texts.resx (zh-CN) and Texts.en.resx beside its code in Kam.Core.</summary>
    private static IEnumerable<string> ChineseFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src/Kam.Core"), "Texts.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    private static List<string> KeysIn(string file) =>
        XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();

    private static HashSet<string> Keys(string language) =>
        ChineseFiles().SelectMany(f => KeysIn(language == "en" ? f.Replace("Texts.resx", "Texts.en.resx", StringComparison.Ordinal) : f)).ToHashSet();

    [Fact]
    public void Every_capabilitys_Chinese_and_English_texts_have_the_same_keys()
    {
        var files = ChineseFiles().ToList();
        Assert.True(files.Count >= 10, $"text files found: {files.Count}");
        foreach (var zhFile in files)
        {
            var enFile = zhFile.Replace("Texts.resx", "Texts.en.resx", StringComparison.Ordinal);
            Assert.True(File.Exists(enFile), $"{enFile} is missing");
            var zh = KeysIn(zhFile).ToHashSet();
            var en = KeysIn(enFile).ToHashSet();
            Assert.True(zh.SetEquals(en), $"{Path.GetRelativePath(Root, zhFile)}: only in Chinese {string.Join(", ", zh.Except(en))}; only in English {string.Join(", ", en.Except(zh))}");
        }
    }

    [Fact]
    public void No_key_is_in_two_capabilities_files_and_every_key_is_found_at_run_time()
    {
        var all = ChineseFiles().SelectMany(KeysIn).ToList();
        var twice = all.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"in two files: {string.Join(", ", twice)}");
        var zh = new System.Globalization.CultureInfo("zh-CN");
        var en = new System.Globalization.CultureInfo("en-US");
        Assert.Equal(all.Order(), Kam.Core.Common.Text.Keys.Keys.Order());
        Assert.Equal("合同协议", Kam.Core.Common.Text.Find("nav.contracts", zh));
        Assert.Equal("Contracts", Kam.Core.Common.Text.Find("nav.contracts", en));
    }

    /// <summary>
    /// Files whose Chinese literals are data, not texts a person reads as Kam's words: aliases people type in their own
    /// spreadsheets, example rows of the import templates, place names and company suffixes, the characters of amounts in words.
    /// </summary>
    private static readonly Dictionary<string, string> ChineseAllowed = new()
    {
        ["src/Kam.Core/Accounts/AccountNames.cs"] = "company-name suffixes compared when looking for duplicates",
        ["src/Kam.Core/Accounts/Divisions.cs"] = "GB/T 2260 place names",
        ["src/Kam.Web/Components/Pages/Contracts/ChineseMoney.cs"] = "the characters of an amount in Chinese capitals",
        ["src/Kam.Core/Common/Money.cs"] = "the Chinese units of counting money (万, 亿, 元) that amounts are written and typed with",
        ["src/Kam.Core/Opportunities/Opportunity.cs"] = "the default stage names, stored as the head's own settings at first start",
        ["src/Kam.Core/Accounts/AccountSheet.cs"] = "the words old archive sheets use for categories, and the template's made-up example customer",
        ["src/Kam.Core/Orders/ProductSheet.cs"] = "是/否 typed for the status, and the template's made-up example product",
        ["src/Kam.Core/Expenses/ExpenseStandards.cs"] = "the shipped list of first- and second-tier cities, names matched against what claimants type",
    };

    [Fact]
    public void No_Chinese_text_is_written_in_code_outside_the_text_files_and_the_seed_data()
    {
        var literal = new Regex("\"[^\"\n]*[\u4e00-\u9fff][^\"\n]*\"");
        var found = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal)
                && !f.Contains("/Seeding/", StringComparison.Ordinal) && !ChineseAllowed.ContainsKey(f))
            .SelectMany(f => File.ReadAllLines(Path.Combine(Root, f)).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && literal.IsMatch(x.line))
            .Select(x => $"{x.f}:{x.i + 1}: {x.line.Trim()}").ToList();
        Assert.True(found.Count == 0, "Chinese text in code (put it in the capability's Texts.resx):\n" + string.Join("\n", found));
    }

    [Fact]
    public void Every_key_used_in_code_is_translated()
    {
        var zh = Keys("zh");
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);
        // Keys completed at run time ("role." + role) are checked against their enum values in the test below.
        var missing = used.Where(k => !k.EndsWith('.') && !zh.Contains(k)).Order().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_value_of_every_enum_shown_to_users_is_translated()
    {
        var zh = Keys("zh");
        var expected = new[] { typeof(Kam.Core.Accounts.AccountCategory), typeof(Kam.Core.Accounts.AccountStatus), typeof(Kam.Core.Accounts.AccountTier),
                typeof(Kam.Core.Accounts.DecisionRole), typeof(Kam.Core.Accounts.Attitude), typeof(Kam.Core.Attachments.AttachmentKind),
                typeof(Kam.Core.Visits.VisitStatus), typeof(Kam.Core.Visits.VisitContactRole), typeof(Kam.Core.DailyReports.DailyReportStatus),
                typeof(Kam.Core.WorkItems.WorkItemKind), typeof(Kam.Core.WorkItems.WorkItemStatus) }
            // Every enum of the deal areas is shown somewhere (status tags, filters, selects).
            .Concat(typeof(Kam.Core.KamCore).Assembly.GetExportedTypes().Where(t => t.IsEnum && DealAreas.Contains(t.Namespace)))
            .SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name.ToLowerInvariant()}.{n}"))
            .Concat(Kam.Core.Identity.Roles.All.Select(r => $"role.{r}"))
            .Concat(Enum.GetNames<Kam.Core.Audit.AuditAction>().Select(a => $"audit.action.{a}"));
        var missing = expected.Where(k => !zh.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    private static readonly string[] DealAreas =
        ["Kam.Core.Opportunities", "Kam.Core.Approvals", "Kam.Core.Contracts", "Kam.Core.Orders", "Kam.Core.Payments", "Kam.Core.Service"];

    // L["key"] in components, and error codes passed to WithErrorCode / FieldError / Error.* in the core.
    [GeneratedRegex(@"(?:L\[|WithErrorCode\(|FieldError\(""[A-Za-z.]*"", |Error\.(?:NotFound|Forbidden|Conflict|Validation)\((?:""[A-Za-z.]*"", )?)""([a-z_]+\.[a-z_.]+[a-z_])""")]
    private static partial Regex KeyUse();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kam.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kam.slnx not found above the test output");
    }
}
