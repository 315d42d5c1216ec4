using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>The deadlines of one kind and severity, in working minutes from receipt: the first response and the resolution.</summary>
public sealed record SlaRule(CaseKind Kind, CaseSeverity Severity, int ResponseMinutes, int ResolutionMinutes);

/// <summary>A case category (产品质量 …): code, name, whether it is still offered.</summary>
public sealed record CaseCategory(string Code, string? Name, bool Active = true);

/// <summary>The service policy: deadlines per kind and severity, the warning level, and the categories.</summary>
/// <remarks><see cref="LowScore"/> and <see cref="LowNps"/>: a survey answer at or below either opens a follow-up task
/// for the account's owner and tells the head.
/// <see cref="QuarterlyTiers"/>: the account tiers followed up every quarter.</remarks>
public sealed record ServicePolicyView(IReadOnlyList<SlaRule> Rules, int WarnPercent, IReadOnlyList<CaseCategory> Categories, Guid? Version,
    int LowScore = 2, int LowNps = 6, IReadOnlyList<Kam.Core.Accounts.AccountTier>? QuarterlyTiers = null);

public sealed record ServicePolicyInput(IReadOnlyList<SlaRule>? Rules, int? WarnPercent, IReadOnlyList<CaseCategory>? Categories, Guid? Version,
    int? LowScore = null, int? LowNps = null, IReadOnlyList<Kam.Core.Accounts.AccountTier>? QuarterlyTiers = null);

/// <summary>
/// The head's service policy (setting <c>service.policy</c>): how fast each kind and severity of case must be answered
/// and resolved, in working time; when the handler is warned (75% of a window by default); the categories of cases.
/// Shipped: 重大 2 h / 2 working days, 严重 4 h / 3 days, 一般 8 h / 5 days (a working day is the calendar's, 8 h by default).
/// </summary>
public sealed class ServicePolicies(IKamDb db, ICurrentUser me, Settings settings)
{
    public const string Key = "service.policy";

    private sealed record Stored(List<SlaRule> Rules, int WarnPercent, List<CaseCategory> Categories, int? LowScore = null, int? LowNps = null,
        List<Kam.Core.Accounts.AccountTier>? QuarterlyTiers = null);

    public static IReadOnlyList<string> DefaultCategoryCodes { get; } = ["quality", "delivery", "installation", "billing", "attitude", "other"];

    public static IReadOnlyList<SlaRule> DefaultRules { get; } = Enum.GetValues<CaseKind>().SelectMany(kind => new SlaRule[]
    {
        new(kind, CaseSeverity.Critical, 120, 2 * 480),
        new(kind, CaseSeverity.Serious, 240, 3 * 480),
        new(kind, CaseSeverity.Normal, 480, 5 * 480),
    }).ToList();

    public async Task<ServicePolicyView> Get(CancellationToken ct = default)
    {
        var stored = await settings.GetAsync<Stored?>(Key, null, ct);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        var rules = DefaultRules.Select(d => stored?.Rules?.FirstOrDefault(r => r is not null && r.Kind == d.Kind && r.Severity == d.Severity) ?? d).ToList();
        var categories = stored?.Categories is { Count: > 0 } c ? c : DefaultCategoryCodes.Select(code => new CaseCategory(code, null)).ToList();
        return new ServicePolicyView(rules, stored?.WarnPercent ?? 75, categories, version, stored?.LowScore ?? 2, stored?.LowNps ?? 6,
            stored?.QuarterlyTiers ?? [Kam.Core.Accounts.AccountTier.A]);
    }

    /// <summary>The name to show for a category: its own, or the shipped one in the reader's language.</summary>
    public static string NameOf(CaseCategory category) =>
        string.IsNullOrWhiteSpace(category.Name) ? Text.Get($"case.category.{category.Code}") : category.Name;

    public static bool Configures(ICurrentUser me) => me.IsInRole(Roles.Head);

    public async Task<Result<ServicePolicyView>> Update(ServicePolicyInput input, CancellationToken ct = default)
    {
        if (!Configures(me))
            return Error.Forbidden("service.policy_head_only");
        var errors = new List<FieldError>();
        var rules = input.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            if (r is null || !Enum.IsDefined(r.Kind) || !Enum.IsDefined(r.Severity))
                errors.Add(new FieldError($"rules[{i}]", "field.invalid"));
            else if (r.ResponseMinutes is < 15 or > 480 * 60 || r.ResolutionMinutes is < 15 or > 480 * 60)
                errors.Add(new FieldError($"rules[{i}]", "service.minutes_range"));
            else if (r.ResolutionMinutes < r.ResponseMinutes)
                errors.Add(new FieldError($"rules[{i}]", "service.resolution_before_response"));
        }
        if (input.WarnPercent is < 10 or > 99)
            errors.Add(new FieldError("warnPercent", "field.number_range", 10, 99));
        if (input.LowScore is < 1 or > 4)
            errors.Add(new FieldError("lowScore", "field.number_range", 1, 4));
        if (input.QuarterlyTiers?.Any(t => !Enum.IsDefined(t)) == true)
            errors.Add(new FieldError("quarterlyTiers", "field.invalid"));
        if (input.LowNps is < 0 or > 9)
            errors.Add(new FieldError("lowNps", "field.number_range", 0, 9));
        var categories = (input.Categories ?? []).Where(c => c is not null).Select(c => c with { Code = (c.Code ?? "").Trim().ToLowerInvariant(), Name = c.Name?.Trim() }).ToList();
        if (categories.Count is 0 or > 50)
            errors.Add(new FieldError("categories", "field.required"));
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            if (c.Code.Length is 0 or > 32 || !c.Code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-'))
                errors.Add(new FieldError($"categories[{i}].code", "service.category_code_invalid"));
            else if (categories.Take(i).Any(o => o.Code == c.Code))
                errors.Add(new FieldError($"categories[{i}].code", "service.category_code_taken"));
            if (c.Name?.Length > 40 || (string.IsNullOrEmpty(c.Name) && !DefaultCategoryCodes.Contains(c.Code)))
                errors.Add(new FieldError($"categories[{i}].name", "field.required"));
        }
        var current = await Get(ct);
        // A category in use stays: it can be made inactive, not removed.
        foreach (var used in current.Categories.Where(c => categories.All(n => n.Code != c.Code)))
        {
            if (await db.Unscoped<ServiceCase>().AnyAsync(s => s.Category == used.Code, ct))
                errors.Add(new FieldError("categories", "service.category_in_use", NameOf(used)));
        }
        if (errors.Count > 0)
            return Error.Validation(errors);
        if (current.Version != input.Version)
            return Error.Conflict();
        var merged = current.Rules.Select(d => rules.LastOrDefault(r => r.Kind == d.Kind && r.Severity == d.Severity) ?? d).ToList();
        var setting = await settings.SetAsync(Key, new Stored(merged, input.WarnPercent ?? current.WarnPercent, categories,
            input.LowScore ?? current.LowScore, input.LowNps ?? current.LowNps, (input.QuarterlyTiers ?? current.QuarterlyTiers ?? []).Distinct().ToList()), ct);
        if (current.Version is { } seen)
            db.Entry(setting).Property(s => s.Version).OriginalValue = seen;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return await Get(ct);
    }
}
