using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Expenses;

/// <summary>Who does what with budgets and claims (the seed: the assistant drafts the budget and the reimbursements for
/// the head's approval; the head has the power to spend within the budget).</summary>
public static class ExpenseAccess
{
    /// <summary>Drafts and submits the budget and its adjustments.</summary>
    public static bool DraftsBudget(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    /// <summary>Files claims of their own: every business role.</summary>
    public static bool Claims(ICurrentUser me) =>
        me.Id is not null && (me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant) || me.IsInRole(Roles.AccountManager) || me.IsInRole(Roles.Executive));

    /// <summary>Records that an approved claim was paid.</summary>
    public static bool Pays(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Assistant) || me.IsInRole(Roles.Head);

    /// <summary>Largest amount of one cell or line: far beyond any department's, small enough for every column.</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    /// <summary>A money amount as typed into a budget or claim: not negative (unless allowed), at most two decimals.</summary>
    public static bool ValidAmount(decimal amount, bool allowNegative = false) =>
        (allowNegative || amount >= 0) && Math.Abs(amount) <= MaxAmount && decimal.Round(amount, 2) == amount;
}
