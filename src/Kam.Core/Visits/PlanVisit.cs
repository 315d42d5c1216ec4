using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Visits;

/// <summary>Plans a visit (拜访计划), changes the plan while it is still a plan, or cancels it with a reason.</summary>
public sealed class PlanVisit(IKamDb db, VisitRules rules, IValidator<VisitPlanInput> validator)
{
    public async Task<Result<Guid>> Create(VisitPlanInput input, CancellationToken ct = default)
    {
        if (!rules.Writes)
            return Error.Forbidden("visit.read_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == input.AccountId, ct);
        if (account is null)
            return Error.Validation("accountId", "visit.account_not_found");
        if (account.ArchivedAt is not null)
            return Error.Validation("accountId", "visit.account_archived");
        var visitor = await rules.VisitorAsync(input.UserId, account, ct);
        if (!visitor.IsSuccess)
            return visitor.Error!;
        if (Check(input) is { } bad)
            return bad;
        if (await rules.CheckContactsAsync(account.Id, input.ContactIds, ct) is { } badContacts)
            return badContacts;
        var visit = new Visit { AccountId = account.Id, UserId = visitor.Value, Status = VisitStatus.Planned };
        Apply(visit, input);
        db.Unscoped<Visit>().Add(visit);
        await db.SaveChangesAsync(ct);
        return visit.Id;
    }

    public async Task<Result> Update(Guid id, VisitPlanInput input, CancellationToken ct = default)
    {
        var visit = await db.Read<Visit>().Include(v => v.Contacts).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return Error.NotFound("visit.not_found");
        if (!rules.Permissions(visit).EditPlan)
            return visit.Status == VisitStatus.Planned ? Error.Forbidden("visit.not_yours") : Error.Conflict("visit.not_a_plan");
        if (await validator.CheckAsync(input with { AccountId = visit.AccountId }, ct) is { } invalid)
            return invalid;
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        if (input.AccountId != Guid.Empty && input.AccountId != visit.AccountId)
            return Error.Validation("accountId", "visit.account_fixed");
        var visitorId = visit.UserId;
        if (input.UserId is { } newVisitor && newVisitor != visit.UserId)
        {
            var account = await db.Unscoped<Account>().AsNoTracking().FirstAsync(a => a.Id == visit.AccountId, ct);
            var visitor = await rules.VisitorAsync(newVisitor, account, ct);
            if (!visitor.IsSuccess)
                return visitor.Error!;
            visitorId = visitor.Value;
        }
        if (Check(input) is { } bad)
            return bad;
        if (await rules.CheckContactsAsync(visit.AccountId, input.ContactIds, ct) is { } badContacts)
            return badContacts;
        // Every check passed: only now does the tracked visit change.
        db.Entry(visit).Property(v => v.Version).OriginalValue = input.Version.Value;
        visit.UserId = visitorId;
        Apply(visit, input);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    public async Task<Result> Cancel(Guid id, VisitCancelInput input, CancellationToken ct = default)
    {
        var visit = await db.Read<Visit>().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return Error.NotFound("visit.not_found");
        if (!rules.Permissions(visit).Cancel)
            return visit.Status == VisitStatus.Planned ? Error.Forbidden("visit.not_yours") : Error.Conflict("visit.not_a_plan");
        if (string.IsNullOrWhiteSpace(input.Reason))
            return Error.Validation("reason", "visit.cancel_reason_required");
        if (input.Reason.Length > 200)
            return Error.Validation("reason", "field.too_long", 0, 200);
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        db.Entry(visit).Property(v => v.Version).OriginalValue = input.Version.Value;
        visit.Status = VisitStatus.Cancelled;
        visit.CancelReason = input.Reason.Trim();
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private Error? Check(VisitPlanInput input) =>
        rules.DateOf(input.At) < rules.Today ? Error.Validation("at", "visit.plan_in_past") : null;

    private void Apply(Visit visit, VisitPlanInput input)
    {
        visit.At = input.At.ToUniversalTime();
        visit.PlannedAt = visit.At;
        visit.Date = rules.DateOf(input.At);
        visit.Purpose = input.Purpose?.Trim();
        visit.ExpectedOutcome = string.IsNullOrWhiteSpace(input.ExpectedOutcome) ? null : input.ExpectedOutcome.Trim();
        VisitRules.SetContacts(visit, VisitContactRole.Planned, input.ContactIds);
    }
}
