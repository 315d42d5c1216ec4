using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Expenses;

public sealed class ExpensesModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<ExpenseCategories>().AddScoped<ManageExpenseCategories>().AddScoped<ExpenseStandards>();
        services.AddScoped<SaveBudget>().AddScoped<AdjustBudget>().AddScoped<GetBudgets>().AddScoped<GetExecution>();
        services.AddScoped<BudgetControl>().AddScoped<SaveClaim>().AddScoped<SubmitClaim>().AddScoped<PayClaim>().AddScoped<GetClaims>().AddScoped<ClaimReceipts>().AddScoped<ExportClaims>().AddScoped<ExpenseReminders>().AddScoped<ExportExpenses>();
        services.AddScoped<SaveActivity>().AddScoped<GetActivities>();
        services.AddScoped<IApprovalDocument, ActivityApproval>().AddScoped<IApprovalDocument, BudgetApproval>().AddScoped<IApprovalDocument, BudgetAdjustmentApproval>().AddScoped<IApprovalDocument, ClaimApproval>();
    }
}
