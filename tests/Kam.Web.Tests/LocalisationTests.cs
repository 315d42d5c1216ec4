using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Kam.Web.Tests;

/// <summary>Every text key the code uses exists in Chinese and in English.</summary>
public sealed partial class LocalisationTests
{
    private static readonly string Root = FindRoot();

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root, "src/Kam.Web/Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Chinese_and_English_resources_have_the_same_keys()
    {
        var zh = Keys("SharedResource.resx");
        var en = Keys("SharedResource.en.resx");
        Assert.Empty(zh.Except(en));
        Assert.Empty(en.Except(zh));
    }

    [Fact]
    public void Every_key_used_in_code_is_translated()
    {
        var zh = Keys("SharedResource.resx");
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
        var zh = Keys("SharedResource.resx");
        var expected = new[] { typeof(Kam.Core.Accounts.AccountCategory), typeof(Kam.Core.Accounts.AccountStatus), typeof(Kam.Core.Accounts.AccountTier),
                typeof(Kam.Core.Accounts.DecisionRole), typeof(Kam.Core.Accounts.Attitude), typeof(Kam.Core.Attachments.AttachmentKind),
                typeof(Kam.Core.Visits.VisitStatus), typeof(Kam.Core.Visits.VisitContactRole), typeof(Kam.Core.Reports.DailyReportStatus),
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
        ["Kam.Core.Opportunities", "Kam.Core.Approvals", "Kam.Core.Contracts", "Kam.Core.Orders", "Kam.Core.Payments"];

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
