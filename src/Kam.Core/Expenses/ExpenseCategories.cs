using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>What a claim past 100% of its category's budget meets (超预算控制).</summary>
public enum OverBudgetRule
{
    /// <summary>Submitted with a justification (说明理由).</summary>
    Warn,

    /// <summary>An extra approval step by the executive, never delegated (上报).</summary>
    Escalate,

    /// <summary>Refused, with the budget remaining (禁止).</summary>
    Block,
}

/// <summary>
/// One expense category (费用科目) as the head configures it: <see cref="Code"/> is what budgets and claims keep; the
/// shipped categories have translated names (<see cref="Name"/> null), the head's own carry theirs.
/// </summary>
public sealed record ExpenseCategory(
    string Code,
    string? Name,
    int AlertPercent,
    OverBudgetRule OverRule,
    bool NeedsAccount,
    bool Travel,
    bool Active = true);

/// <summary>The categories: the setting <see cref="Key"/>, or the shipped ones until the head changes them.</summary>
public sealed class ExpenseCategories(Settings settings)
{
    public const string Key = "expenses.categories";

    public const string PublicRelations = "pr";
    public const string Entertainment = "entertainment";
    public const string TravelCode = "travel";
    public const string Gifts = "gifts";
    public const string Promotion = "promotion";
    public const string Training = "training";
    public const string Office = "office";

    /// <summary>The seed's categories: 公关费, 业务招待费, 差旅费, 礼品费, 市场推广费, 培训费, 办公及其他. Spending on people
    /// outside the company (PR, entertainment, gifts) must name the account it served.</summary>
    public static IReadOnlyList<ExpenseCategory> Default { get; } =
    [
        new(PublicRelations, null, 80, OverBudgetRule.Escalate, true, false),
        new(Entertainment, null, 80, OverBudgetRule.Warn, true, false),
        new(TravelCode, null, 80, OverBudgetRule.Warn, false, true),
        new(Gifts, null, 80, OverBudgetRule.Block, true, false),
        new(Promotion, null, 80, OverBudgetRule.Escalate, false, false),
        new(Training, null, 80, OverBudgetRule.Warn, false, false),
        new(Office, null, 80, OverBudgetRule.Warn, false, false),
    ];

    public async Task<IReadOnlyList<ExpenseCategory>> GetAsync(CancellationToken ct = default)
    {
        var stored = await settings.GetAsync<List<ExpenseCategory>?>(Key, null, ct);
        // A stored list with holes in it (a past version, a hand edit) never breaks a claim: the shipped list stands in.
        var valid = stored?.Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Code) && Enum.IsDefined(c.OverRule)).ToList();
        return valid is { Count: > 0 } ? valid : Default;
    }

    /// <summary>The category's name in the reader's language.</summary>
    public static string NameOf(ExpenseCategory? category, string code) =>
        category?.Name is { Length: > 0 } name ? name : Text.Find("expense.category." + code) ?? code;

    public static bool Configures(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head);
}

public sealed record ExpenseCategoryView(string Code, string Name, string? CustomName, int AlertPercent, OverBudgetRule OverRule, bool NeedsAccount, bool Travel, bool Active);

public sealed record ExpenseCategoriesView(IReadOnlyList<ExpenseCategoryView> Categories, Guid? Version);

public sealed record ExpenseCategoryInput(string? Code, string? Name, int? AlertPercent, OverBudgetRule? OverRule, bool? NeedsAccount, bool? Travel, bool? Active);

public sealed record ExpenseCategoriesInput(IReadOnlyList<ExpenseCategoryInput>? Categories, Guid? Version);

/// <summary>Reads the categories (every business role) and changes them (the head). A category in use is never removed,
/// only made inactive: budgets and claims keep its code.</summary>
public sealed class ManageExpenseCategories(IKamDb db, ICurrentUser me, ExpenseCategories categories, Settings settings)
{
    public async Task<ExpenseCategoriesView> Get(CancellationToken ct = default)
    {
        var all = await categories.GetAsync(ct);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == ExpenseCategories.Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        return new ExpenseCategoriesView(all.Select(c => new ExpenseCategoryView(c.Code, ExpenseCategories.NameOf(c, c.Code), c.Name, c.AlertPercent, c.OverRule,
            c.NeedsAccount, c.Travel, c.Active)).ToList(), version);
    }

    public async Task<Result<ExpenseCategoriesView>> Update(ExpenseCategoriesInput input, CancellationToken ct = default)
    {
        if (!ExpenseCategories.Configures(me))
            return Error.Forbidden("expense.categories_head_only");
        var errors = new List<FieldError>();
        var list = input.Categories ?? [];
        if (input.Categories is null || list.Count == 0)
            errors.Add(new FieldError("categories", "field.required"));
        if (list.Count > 30)
            errors.Add(new FieldError("categories", "expense.too_many_categories", 30));
        var current = await categories.GetAsync(ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ExpenseCategory>();
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            var at = $"categories[{i}].";
            var code = c?.Code?.Trim().ToLowerInvariant() ?? "";
            if (c is null || code.Length is 0 or > 32 || !code.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                errors.Add(new FieldError(at + "code", "expense.category_code_invalid"));
                continue;
            }
            if (!seen.Add(code))
                errors.Add(new FieldError(at + "code", "expense.category_duplicate"));
            var isShipped = ExpenseCategories.Default.Any(d => d.Code == code);
            var name = string.IsNullOrWhiteSpace(c.Name) ? null : c.Name.Trim();
            if (name is null && !isShipped)
                errors.Add(new FieldError(at + "name", "expense.category_name_required"));
            if (name?.Length > 50)
                errors.Add(new FieldError(at + "name", "field.too_long", 0, 50));
            if (c.AlertPercent is not { } alert || alert is < 1 or > 100)
                errors.Add(new FieldError(at + "alertPercent", "expense.alert_percent_invalid"));
            if (c.OverRule is not { } rule || !Enum.IsDefined(rule))
                errors.Add(new FieldError(at + "overRule", "field.invalid"));
            result.Add(new ExpenseCategory(code, name, c.AlertPercent ?? 80, c.OverRule ?? OverBudgetRule.Warn, c.NeedsAccount ?? false, c.Travel ?? false, c.Active ?? true));
        }
        // A category budgets or claims already use stays in the list (inactive at most): its code is in their records.
        foreach (var old in current.Where(o => !seen.Contains(o.Code)))
        {
            if (await InUseAsync(old.Code, ct))
                errors.Add(new FieldError("categories", "expense.category_in_use", ExpenseCategories.NameOf(old, old.Code)));
        }
        if (errors.Count > 0)
            return Error.Validation(errors);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == ExpenseCategories.Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        if (version != input.Version)
            return Error.Conflict();
        var setting = await settings.SetAsync(ExpenseCategories.Key, result, ct);
        if (version is { } seenVersion)
            db.Entry(setting).Property(s => s.Version).OriginalValue = seenVersion;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return await Get(ct);
    }

    private async Task<bool> InUseAsync(string code, CancellationToken ct) =>
        await db.Unscoped<BudgetLine>().AnyAsync(l => l.Category == code, ct) || await db.Unscoped<ExpenseLine>().AnyAsync(l => l.Category == code, ct);
}
