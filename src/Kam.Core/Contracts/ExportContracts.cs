using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Exports;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Core.Contracts;

/// <summary>Exports the contract list as it is filtered, under the data scope, to .xlsx (Chinese headers); logged.</summary>
public sealed class ExportContracts(IKamDb db, ListContracts list, ICurrentUser me, ContractRules rules)
{
    /// <summary>Writes the workbook to <paramref name="path"/> and returns the number of contracts in it.</summary>
    public async Task<int> WriteAsync(ContractQuery query, string path, CancellationToken ct = default)
    {
        var users = await db.Unscoped<User>().AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var today = rules.Today;
        var count = 0;
        var rows = from c in list.Query(query with { Page = null, PageSize = null }).AsNoTracking()
                   join a in db.Unscoped<Account>() on c.AccountId equals a.Id
                   select new { c, AccountName = a.Name, ParentNumber = db.Unscoped<Contract>().Where(p => p.Id == c.ParentId).Select(p => p.Number).FirstOrDefault() };
        IEnumerable<Dictionary<string, object?>> Rows()
        {
            foreach (var r in rows.AsEnumerable())
            {
                count++;
                var c = r.c;
                yield return new Dictionary<string, object?>
                {
                    [Text.Get("contract.number")] = c.Number,
                    [Text.Get("export.kind")] = Text.Of(c.Kind),
                    [Text.Get("export.status")] = Text.Of(c.Status),
                    [Text.Get("export.account")] = r.AccountName,
                    [Text.Get("contract.title")] = c.Title,
                    [Text.Get("contract.parent")] = r.ParentNumber,
                    [Text.Get("export.amount_yuan")] = c.Amount,
                    [Text.Get("export.effective_amount_yuan")] = c.EffectiveAmount,
                    [Text.Get("export.currency")] = c.Currency,
                    [Text.Get("contract.start_on")] = c.StartOn.ToString("yyyy-MM-dd"),
                    [Text.Get("contract.end_on")] = c.EndOn.ToString("yyyy-MM-dd"),
                    [Text.Get("contract.effective_end_on")] = c.EffectiveEndOn.ToString("yyyy-MM-dd"),
                    [Text.Get("contract.payment_terms")] = c.PaymentTerms,
                    [Text.Get("contract.non_standard_terms")] = Text.Get(c.NonStandardTerms ? "export.yes" : "export.no"),
                    [Text.Get("contract.changes")] = c.Changes,
                    [Text.Get("contract.our_signatory")] = c.OurSignatory,
                    [Text.Get("contract.customer_signatory")] = c.CustomerSignatory,
                    [Text.Get("export.owner")] = users.GetValueOrDefault(c.OwnerId),
                    [Text.Get("contract.drafter")] = users.GetValueOrDefault(c.DrafterId),
                    [Text.Get("contract.signed_on")] = c.SignedOn?.ToString("yyyy-MM-dd"),
                    [Text.Get("contract.terminated_on")] = c.TerminatedOn?.ToString("yyyy-MM-dd"),
                    [Text.Get("contract.termination_reason")] = c.TerminationReason,
                    [Text.Get("export.expiring_30")] = ListContracts.IsExpiring(c, today) ? Text.Get("export.yes") : "",
                    [Text.Get("export.created_at")] = BusinessClock.Format(c.CreatedAt),
                };
            }
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(Rows(), sheetName: Text.Get("nav.contracts"), cancellationToken: ct);
        await db.RecordExportAsync(me, "contracts", query with { Page = null, PageSize = null }, count, ct);
        return count;
    }
}
