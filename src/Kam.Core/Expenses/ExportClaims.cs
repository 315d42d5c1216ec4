using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Expenses;

/// <summary>
/// The claims of a query as .xlsx under the reader's scope: for the finance department, filtered to approved claims,
/// the payout list (claimant, number, amount, and once paid the day and reference). Each export is logged.
/// </summary>
public sealed class ExportClaims(IKamDb db, GetClaims claims, ICurrentUser me)
{
    public async Task<int> WriteAsync(ExpenseClaimQuery query, string path, CancellationToken ct = default)
    {
        var rows = new List<Dictionary<string, object?>>();
        const int batch = PageRequest.MaxPageSize;
        for (var page = 1; ; page++)
        {
            var result = await claims.List(query with { Page = page, PageSize = batch }, ct);
            if (!result.IsSuccess)
                break;
            foreach (var c in result.Value.Items)
            {
                rows.Add(new Dictionary<string, object?>
                {
                    [Text.Get("claim.number")] = c.Number,
                    [Text.Get("claim.claimant")] = c.ClaimantName,
                    [Text.Get("claim.title")] = c.Title,
                    [Text.Get("claim.status")] = Text.Of(c.Status),
                    [Text.Get("claim.total")] = c.Total,
                    [Text.Get("claim.lines")] = c.Lines,
                    [Text.Get("claim.submitted_at")] = c.SubmittedAt is { } at ? BusinessClock.Format(at) : null,
                    [Text.Get("claim.paid_on")] = c.PaidOn?.ToString("yyyy-MM-dd"),
                    [Text.Get("claim.reference")] = c.PaymentReference,
                });
            }
            if (result.Value.Items.Count < batch || page * batch >= Listing.CountCap)
                break;
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(rows, sheetName: Text.Get("nav.expense_claims"), cancellationToken: ct);
        await db.RecordExportAsync(me, "expense_claims", query with { Page = 1, PageSize = 20 }, rows.Count, ct);
        return rows.Count;
    }
}
