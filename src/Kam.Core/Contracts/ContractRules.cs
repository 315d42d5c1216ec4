using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Opportunities;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>What the current user may do with a contract, for the page's buttons and the API alike.</summary>
public sealed record ContractPermissions(bool Edit, bool Submit, bool Sign, bool Terminate, bool Archive, bool Restore, bool AddSupplement);

/// <summary>
/// Who may do what with contracts: the assistant and the head draft, edit, submit, sign and terminate any; an account
/// manager drafts and submits for the accounts they see (others do not exist for them); the executive reads.
/// </summary>
public sealed class ContractRules(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    /// <summary>Statuses in which a contract is still a draft with its author: editable, submittable, archivable.</summary>
    public static bool IsDraft(ContractStatus s) => s is ContractStatus.Draft or ContractStatus.Rejected;

    /// <summary>A supplementary agreement counts in its parent's effective figures from approval on (not once terminated).</summary>
    public static bool Counts(ContractStatus s) => s is ContractStatus.Approved or ContractStatus.Signed or ContractStatus.InForce or ContractStatus.Expired;

    /// <summary>A parent may get a supplementary agreement once it is agreed and while it runs.</summary>
    public static bool TakesSupplements(ContractStatus s) => s is ContractStatus.Approved or ContractStatus.Signed or ContractStatus.InForce;

    /// <summary>Drafts and submits (<see cref="ContractAccess.Drafts"/>).</summary>
    public bool Drafts => ContractAccess.Drafts(me);

    /// <summary>Signs and terminates (<see cref="ContractAccess.Manages"/>).</summary>
    public bool Manages => ContractAccess.Manages(me);

    public DateOnly Today => clock.Today();

    public ContractPermissions Permissions(Contract c) => ContractAccess.Permissions(me, c.Status, c.Kind, c.ArchivedAt is not null);

    /// <summary>
    /// Checks what the input refers to (account in the scope, parent, owner, project) and copies it onto the contract.
    /// An account outside the scope does not exist for the user (404), as everywhere.
    /// </summary>
    public async Task<Error?> ApplyAsync(Contract contract, ContractInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var accountId = input.AccountId!.Value;
        var account = await db.Read<Account>().AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.Id, a.OwnerId, a.ArchivedAt }).FirstOrDefaultAsync(ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        if (account.ArchivedAt is not null)
            errors.Add(new FieldError("accountId", "contract.account_archived"));
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Read<Contract>().AsNoTracking().Where(p => p.Id == parentId)
                .Select(p => new { p.AccountId, p.Kind, p.Status, p.ArchivedAt }).FirstOrDefaultAsync(ct);
            if (parent is null || parent.ArchivedAt is not null)
                errors.Add(new FieldError("parentId", "contract.parent_unknown"));
            else if (parent.AccountId != accountId)
                errors.Add(new FieldError("parentId", "contract.parent_other_account"));
            else if (parent.Kind == ContractKind.Supplementary)
                errors.Add(new FieldError("parentId", "contract.parent_is_supplement"));
            else if (!TakesSupplements(parent.Status))
                errors.Add(new FieldError("parentId", "contract.parent_not_active"));
        }
        var ownerId = input.OwnerId ?? (contract.OwnerId != Guid.Empty && contract.AccountId == accountId ? contract.OwnerId : account.OwnerId);
        if (ownerId != account.OwnerId && !await db.Unscoped<AccountMember>().AnyAsync(m => m.AccountId == accountId && m.UserId == ownerId, ct))
            errors.Add(new FieldError("ownerId", "contract.owner_not_on_account"));
        if (input.OpportunityId is { } opportunityId
            && !await db.Unscoped<Opportunity>().AnyAsync(o => o.Id == opportunityId && o.AccountId == accountId, ct))
            errors.Add(new FieldError("opportunityId", "contract.opportunity_unknown"));
        if (errors.Count > 0)
            return Error.Validation(errors);

        contract.Kind = input.Kind!.Value;
        contract.AccountId = accountId;
        contract.ParentId = contract.Kind == ContractKind.Supplementary ? input.ParentId : null;
        contract.OpportunityId = input.OpportunityId;
        contract.Title = input.Title.Trim();
        contract.Amount = Math.Round(input.Amount!.Value, 2, MidpointRounding.AwayFromZero);
        contract.Currency = "CNY";
        contract.StartOn = input.StartOn!.Value;
        contract.EndOn = input.EndOn!.Value;
        contract.PaymentTerms = Clean(input.PaymentTerms);
        contract.NonStandardTerms = input.NonStandardTerms;
        contract.Changes = contract.Kind == ContractKind.Supplementary ? Clean(input.Changes) : null;
        contract.OurSignatory = Clean(input.OurSignatory);
        contract.CustomerSignatory = Clean(input.CustomerSignatory);
        contract.OwnerId = ownerId;
        // Without approved supplements (and always for a supplement itself) the effective figures are its own.
        await Effective.RecomputeAsync(db, contract, ct);
        return null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
