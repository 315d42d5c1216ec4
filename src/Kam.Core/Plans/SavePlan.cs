using Kam.Core.Common;
using Kam.Core.Targets;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Plans;

/// <summary>
/// The head or the assistant drafts a department plan for a month or a quarter, and edits it while it is a draft or
/// back from rejection; under review or approved it is locked (409), and an approved plan changes through a new
/// revision (<see cref="RevisePlan"/>). Items are saved whole, in the order given.
/// </summary>
public sealed class SavePlan(IKamDb db, ICurrentUser me)
{
    public const int MaxItems = 100;

    public async Task<Result<Guid>> Create(PlanInput input, CancellationToken ct = default)
    {
        if (!PlanAccess.Drafts(me))
            return Error.Forbidden("plan.read_only");
        if (await CheckAsync(input, ct) is { } invalid)
            return invalid;
        var period = Period.Parse(input.Period)!.ToString();
        if (await db.Unscoped<WorkPlan>().AnyAsync(p => p.Period == period, ct))
            return Error.Validation("period", "plan.period_taken");
        var plan = new WorkPlan { Period = period, Revision = 1, Status = PlanStatus.Draft };
        Apply(plan, input);
        db.Unscoped<WorkPlan>().Add(plan);
        AddItems(plan, input);
        // A second plan for the period saved at the same moment meets the unique (period, revision) key: 409.
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    public async Task<Result> Update(Guid id, PlanInput input, CancellationToken ct = default)
    {
        var plan = await db.Read<WorkPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return Error.NotFound("plan.not_found");
        if (!PlanAccess.Drafts(me))
            return Error.Forbidden("plan.read_only");
        if (!PlanAccess.IsOpen(plan.Status))
            return Error.Conflict("plan.locked");
        if (await CheckAsync(input with { Period = plan.Period }, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != plan.Version)
            return Error.Conflict();
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        Apply(plan, input);
        plan.Version = Guid.NewGuid();
        // Items are the plan's lines: replaced as a whole (the audit trail keeps what they were).
        var old = await db.Unscoped<WorkPlanItem>().Where(i => i.PlanId == plan.Id).ToListAsync(ct);
        db.Unscoped<WorkPlanItem>().RemoveRange(old);
        AddItems(plan, input);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private static void Apply(WorkPlan plan, PlanInput input)
    {
        plan.Title = input.Title!.Trim();
        plan.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
    }

    private void AddItems(WorkPlan plan, PlanInput input)
    {
        var n = 0;
        foreach (var item in input.Items ?? [])
        {
            db.Unscoped<WorkPlanItem>().Add(new WorkPlanItem
            {
                PlanId = plan.Id,
                Order = n++,
                Kind = item.Kind!.Value,
                Text = item.Text!.Trim(),
                OwnerId = item.OwnerId,
                DueOn = item.DueOn,
                AccountId = item.AccountId,
            });
        }
    }

    private async Task<Error?> CheckAsync(PlanInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (Period.Parse(input.Period) is not { Kind: PeriodKind.Month or PeriodKind.Quarter })
            errors.Add(new FieldError("period", "plan.period_invalid"));
        if (string.IsNullOrWhiteSpace(input.Title))
            errors.Add(new FieldError("title", "plan.title_required"));
        else if (input.Title.Trim().Length > 200)
            errors.Add(new FieldError("title", "field.too_long", 0, 200));
        if (input.Summary?.Trim().Length > 4000)
            errors.Add(new FieldError("summary", "field.too_long", 0, 4000));
        var items = input.Items ?? [];
        if (items.Count > MaxItems)
            errors.Add(new FieldError("items", "plan.too_many_items", MaxItems));
        var owners = items.Where(i => i.OwnerId is not null).Select(i => i.OwnerId!.Value).Distinct().ToList();
        var known = await db.Unscoped<User>().Where(u => owners.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var accounts = items.Where(i => i.AccountId is not null).Select(i => i.AccountId!.Value).Distinct().ToList();
        // An item may name only accounts its author can see.
        var seen = await db.Read<Accounts.Account>().Where(a => accounts.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"items[{i}].";
            if (item.Kind is not { } kind || !Enum.IsDefined(kind))
                errors.Add(new FieldError(at + "kind", "plan.item_kind_invalid"));
            if (string.IsNullOrWhiteSpace(item.Text))
                errors.Add(new FieldError(at + "text", "plan.item_text_required"));
            else if (item.Text.Trim().Length > 500)
                errors.Add(new FieldError(at + "text", "field.too_long", 0, 500));
            if (item.OwnerId is { } owner && !known.Contains(owner))
                errors.Add(new FieldError(at + "ownerId", "plan.item_owner_unknown"));
            if (item.AccountId is { } account && !seen.Contains(account))
                errors.Add(new FieldError(at + "accountId", "account.not_found"));
        }
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}
