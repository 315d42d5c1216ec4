using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Visits;

/// <summary>
/// Visit records (拜访记录): completing a plan turns it into the record; a record can also be logged without a plan;
/// the author corrects it for 7 days, the head at any time (every correction is in the audit trail).
/// </summary>
public sealed class RecordVisit(IKamDb db, VisitRules rules, IValidator<VisitRecordInput> validator)
{
    public async Task<Result<Guid>> Log(VisitRecordInput input, CancellationToken ct = default)
    {
        if (!rules.Writes)
            return Error.Forbidden("visit.read_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.AccountId is not { } accountId || accountId == Guid.Empty)
            return Error.Validation("accountId", "visit.account_required");
        if (input.At is null)
            return Error.Validation("at", "visit.at_required");
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return Error.Validation("accountId", "visit.account_not_found");
        if (account.ArchivedAt is not null)
            return Error.Validation("accountId", "visit.account_archived");
        if (await Check(accountId, input, ct) is { } bad)
            return bad;
        // A record is the caller's own visit; the head plans for others but does not log their visits for them.
        var visit = new Visit { AccountId = accountId, UserId = rules.MeId };
        Apply(visit, input);
        db.Unscoped<Visit>().Add(visit);
        if (await SaveAsync(visit, ct) is { } conflict)
            return conflict;
        return visit.Id;
    }

    public async Task<Result> Complete(Guid id, VisitRecordInput input, CancellationToken ct = default)
    {
        var visit = await db.Read<Visit>().Include(v => v.Contacts).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return Error.NotFound("visit.not_found");
        if (!rules.Permissions(visit).Complete)
            return visit.Status == VisitStatus.Planned ? Error.Forbidden("visit.not_yours") : Error.Conflict("visit.not_a_plan");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        input = input with { At = input.At ?? visit.At };
        if (await Check(visit.AccountId, input, ct) is { } bad)
            return bad;
        db.Entry(visit).Property(v => v.Version).OriginalValue = input.Version.Value;
        Apply(visit, input);
        return await SaveAsync(visit, ct) is { } conflict ? conflict : Result.Success;
    }

    public async Task<Result> Update(Guid id, VisitRecordInput input, CancellationToken ct = default)
    {
        var visit = await db.Read<Visit>().Include(v => v.Contacts).FirstOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
            return Error.NotFound("visit.not_found");
        if (visit.Status != VisitStatus.Done)
            return Error.Conflict("visit.not_a_record");
        if (!rules.Permissions(visit).EditRecord)
            return Error.Forbidden(visit.UserId == rules.MeId ? "visit.edit_window_closed" : "visit.not_yours");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        input = input with { At = input.At ?? visit.At };
        if (await Check(visit.AccountId, input, ct) is { } bad)
            return bad;
        db.Entry(visit).Property(v => v.Version).OriginalValue = input.Version.Value;
        var recordedAt = visit.RecordedAt;
        Apply(visit, input);
        visit.RecordedAt = recordedAt;
        return await SaveAsync(visit, ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Saves the record and, in the same transaction, what it sets on the account and the contacts met.</summary>
    private async Task<Error?> SaveAsync(Visit visit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        await rules.ApplyRecordAsync(visit, ct);
        await tx.CommitAsync(ct);
        return null;
    }

    private async Task<Error?> Check(Guid accountId, VisitRecordInput input, CancellationToken ct)
    {
        if (input.At is { } at && at > rules.Now.AddHours(1))
            return Error.Validation("at", "visit.record_in_future");
        return await rules.CheckContactsAsync(accountId, input.ContactIds, ct);
    }

    private void Apply(Visit visit, VisitRecordInput input)
    {
        static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        visit.Status = VisitStatus.Done;
        visit.At = input.At!.Value.ToUniversalTime();
        visit.Date = rules.DateOf(visit.At);
        visit.DurationMinutes = input.DurationMinutes;
        visit.Summary = Text(input.Summary);
        visit.Outcome = Text(input.Outcome);
        visit.CustomerRequests = Text(input.CustomerRequests);
        visit.Competitors = Text(input.Competitors);
        visit.NextStep = Text(input.NextStep);
        visit.NextStepOn = visit.NextStep is null ? null : input.NextStepOn;
        visit.Location = Text(input.Location);
        visit.Latitude = input.Latitude;
        visit.Longitude = input.Longitude;
        visit.RecordedAt = rules.Now;
        VisitRules.SetContacts(visit, VisitContactRole.Met, input.ContactIds);
    }
}
