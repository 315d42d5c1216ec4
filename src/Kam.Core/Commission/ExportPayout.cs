using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Commission;

/// <summary>The payout sheet of a run (提成发放表, .xlsx) for finance: one row per person with the subtotals, the coefficient
/// and the amount to pay. The department's readers only; logged.</summary>
public sealed class ExportPayout(IKamDb db, ICurrentUser me, CommissionRuns runs)
{
    public async Task<Result<int>> WriteAsync(Guid runId, string path, CancellationToken ct = default)
    {
        var found = await runs.Get(runId, ct);
        if (!found.IsSuccess)
            return found.Error!;
        if (!DataScope.SeesAllAccounts(me))
            return Error.Forbidden("commission.read_only");
        var run = found.Value;
        var rows = run.Statements.Select(s => new Dictionary<string, object?>
        {
            [Text.Get("commission.person")] = s.PersonName,
            [Text.Get("commission.base")] = s.Base,
            [Text.Get("commission.target")] = s.Target,
            [Text.Get("commission.achievement")] = s.Achievement,
            [Text.Get("commission.subtotal")] = s.Subtotal,
            [Text.Get("commission.grade")] = s.Grade,
            [Text.Get("commission.coefficient")] = s.Coefficient,
            [Text.Get("commission.held")] = s.Held,
            [Text.Get("commission.released")] = s.Released,
            [Text.Get("commission.clawback")] = s.Clawback,
            [Text.Get("commission.total")] = s.Total,
        }).ToList();
        rows.Add(new Dictionary<string, object?>
        {
            [Text.Get("commission.person")] = Text.Get("commission.sum"),
            [Text.Get("commission.base")] = run.Statements.Sum(s => s.Base),
            [Text.Get("commission.target")] = null,
            [Text.Get("commission.achievement")] = null,
            [Text.Get("commission.subtotal")] = run.Statements.Sum(s => s.Subtotal),
            [Text.Get("commission.grade")] = null,
            [Text.Get("commission.coefficient")] = null,
            [Text.Get("commission.held")] = run.Statements.Sum(s => s.Held),
            [Text.Get("commission.released")] = run.Statements.Sum(s => s.Released),
            [Text.Get("commission.clawback")] = run.Statements.Sum(s => s.Clawback),
            [Text.Get("commission.total")] = run.Statements.Sum(s => s.Total),
        });
        await using (var file = File.Create(path))
            await file.SaveAsAsync(rows, sheetName: $"{run.Period} v{run.Number}", cancellationToken: ct);
        await db.RecordExportAsync(me, "commission", new { run = runId, run.Period, run.Number }, run.Statements.Count, ct);
        return run.Statements.Count;
    }
}
