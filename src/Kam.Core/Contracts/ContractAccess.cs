using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Contracts;

/// <summary>
/// Who may do what with contracts, read by the rules, the API and the pages' buttons: the assistant and the head draft,
/// edit, submit, sign and terminate any; an account manager drafts and submits for the accounts they see (others do
/// not exist for them); the executive reads; only the head sets the numbering.
/// </summary>
public static class ContractAccess
{
    /// <summary>Drafts and submits (the assistant and the head anywhere, an account manager within their scope).</summary>
    public static bool Drafts(ICurrentUser me) => DataScope.EditsAccounts(me);

    /// <summary>Signs and terminates: the back office.</summary>
    public static bool Manages(ICurrentUser me) => DataScope.IsBackOffice(me);

    /// <summary>Sets the contract numbering pattern.</summary>
    public static bool SetsNumbering(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head);

    /// <summary>What the user may do with a contract in the state it is in.</summary>
    public static ContractPermissions Permissions(ICurrentUser me, ContractStatus status, ContractKind kind, bool archived)
    {
        var drafts = Drafts(me);
        var manages = Manages(me);
        var draft = ContractRules.IsDraft(status) && !archived;
        return new ContractPermissions(
            Edit: drafts && draft,
            Submit: drafts && draft,
            Sign: manages && status == ContractStatus.Approved && !archived,
            Terminate: manages && status is ContractStatus.Approved or ContractStatus.Signed or ContractStatus.InForce,
            Archive: drafts && draft,
            Restore: drafts && archived,
            AddSupplement: drafts && kind != ContractKind.Supplementary && ContractRules.TakesSupplements(status) && !archived);
    }
}
