using FluentValidation;
using Kam.Core.Common;

namespace Kam.Core.Visits;

/// <summary>The head sets how often each tier must be visited; every overdue list and reminder follows at once.</summary>
public sealed class ManageVisitPolicy(IKamDb db, ICurrentUser me, Settings settings, IValidator<VisitPolicy> validator)
{
    public Task<VisitPolicy> Get(CancellationToken ct = default) => settings.GetAsync(VisitPolicy.SettingKey, new VisitPolicy(), ct);

    public async Task<Result<VisitPolicy>> Set(VisitPolicy policy, CancellationToken ct = default)
    {
        if (!VisitAccess.Manages(me))
            return Error.Forbidden();
        if (await validator.CheckAsync(policy, ct) is { } invalid)
            return invalid;
        await settings.SetAsync(VisitPolicy.SettingKey, policy, ct);
        await db.SaveChangesAsync(ct);
        return policy;
    }
}
