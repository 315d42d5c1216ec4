using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Channels;

public sealed record AgentInput
{
    public string Name { get; init; } = "";
    public IReadOnlyList<string>? Territory { get; init; }
    public string? AgreementNo { get; init; }
    public DateOnly? AgreementStart { get; init; }
    public DateOnly? AgreementEnd { get; init; }
    public string? ContactPerson { get; init; }
    public string? ContactPhone { get; init; }
    public string? Notes { get; init; }
    public IReadOnlyList<Guid>? AccountIds { get; init; }
    public Guid? Version { get; init; }
}

public sealed class AgentInputValidator : AbstractValidator<AgentInput>
{
    public AgentInputValidator(Divisions divisions)
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("agent.name_required").MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Territory).Must(t => t is null || t.All(c => divisions.Find(c) is not null)).WithErrorCode("agent.territory_unknown");
        RuleFor(x => x.AgreementEnd).GreaterThanOrEqualTo(x => x.AgreementStart).WithErrorCode("agent.agreement_dates")
            .When(x => x.AgreementStart is not null && x.AgreementEnd is not null);
        RuleFor(x => x.AgreementNo).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.ContactPerson).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.ContactPhone).MaximumLength(30).WithErrorCode("field.too_long");
        RuleFor(x => x.Notes).MaximumLength(2000).WithErrorCode("field.too_long");
    }
}

public sealed record AgentQuery(string? Search = null, string? Territory = null, int? Page = null, int? PageSize = null);

public sealed record AgentRow(Guid Id, string Name, IReadOnlyList<string> Territory, string TerritoryNames, string? AgreementNo,
    DateOnly? AgreementStart, DateOnly? AgreementEnd, string? ContactPerson, string? ContactPhone, string? Notes,
    IReadOnlyList<Person> Accounts, Guid Version);

/// <summary>
/// Channel agents: listed and searched like accounts by every business role; kept by the back office. The
/// accounts an agent serves are shown only as far as the reader's data scope reaches.
/// </summary>
public sealed class ChannelAgents(IKamDb db, ICurrentUser me, IValidator<AgentInput> validator, Divisions divisions)
{
    public async Task<PagedResult<AgentRow>> List(AgentQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize);
        var agents = db.Unscoped<ChannelAgent>().AsNoTracking().Where(a => a.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim()) + "%";
            agents = agents.Where(a => EF.Functions.Like(a.Name, pattern, Like.EscapeCharacter)
                || (a.ContactPerson != null && EF.Functions.Like(a.ContactPerson, pattern, Like.EscapeCharacter)));
        }
        if (!string.IsNullOrWhiteSpace(q.Territory))
            agents = agents.Where(a => ("," + a.Territory + ",").Contains("," + q.Territory + ","));
        var total = await agents.CountAsync(ct);
        var page = await agents.OrderBy(a => a.Name).PageOf(paging).ToListAsync(ct);
        return new PagedResult<AgentRow>(await RowsAsync(page, ct), total);
    }

    public async Task<Result<AgentRow>> Get(Guid id, CancellationToken ct = default)
    {
        var agent = await db.Unscoped<ChannelAgent>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ArchivedAt == null, ct);
        return agent is null ? Error.NotFound("agent.not_found") : (await RowsAsync([agent], ct))[0];
    }

    public async Task<Result<Guid>> Save(Guid? id, AgentInput input, CancellationToken ct = default)
    {
        if (!DataScope.IsBackOffice(me))
            return Error.Forbidden("agent.back_office_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        ChannelAgent? agent;
        if (id is { } existing)
        {
            agent = await db.Unscoped<ChannelAgent>().FirstOrDefaultAsync(a => a.Id == existing && a.ArchivedAt == null, ct);
            if (agent is null)
                return Error.NotFound("agent.not_found");
            if (input.Version != agent.Version)
                return Error.Conflict();
        }
        else
        {
            agent = new ChannelAgent();
            db.Unscoped<ChannelAgent>().Add(agent);
        }
        var accountIds = (input.AccountIds ?? []).Distinct().ToList();
        if (accountIds.Count > 0 && await db.Read<Account>().CountAsync(a => accountIds.Contains(a.Id), ct) != accountIds.Count)
            return Error.Validation("accountIds", "agent.account_unknown");

        agent.Name = input.Name.Trim();
        agent.Territory = input.Territory is { Count: > 0 } t ? string.Join(",", t.Distinct()) : null;
        agent.AgreementNo = AccountRules.Clean(input.AgreementNo);
        agent.AgreementStart = input.AgreementStart;
        agent.AgreementEnd = input.AgreementEnd;
        agent.ContactPerson = AccountRules.Clean(input.ContactPerson);
        agent.ContactPhone = AccountRules.Clean(input.ContactPhone);
        agent.Notes = AccountRules.Clean(input.Notes);
        var current = await db.Unscoped<AgentAccount>().Where(x => x.AgentId == agent.Id).ToListAsync(ct);
        db.Unscoped<AgentAccount>().RemoveRange(current.Where(c => !accountIds.Contains(c.AccountId)));
        db.Unscoped<AgentAccount>().AddRange(accountIds.Where(a => current.All(c => c.AccountId != a)).Select(a => new AgentAccount { AgentId = agent.Id, AccountId = a }));
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return agent.Id;
    }

    private async Task<List<AgentRow>> RowsAsync(IReadOnlyList<ChannelAgent> agents, CancellationToken ct)
    {
        var ids = agents.Select(a => a.Id).ToList();
        var served = await (from x in db.Unscoped<AgentAccount>()
                            join a in db.Read<Account>() on x.AccountId equals a.Id
                            where ids.Contains(x.AgentId)
                            select new { x.AgentId, a.Id, a.Name }).ToListAsync(ct);
        return agents.Select(a =>
        {
            var territory = (a.Territory ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            return new AgentRow(a.Id, a.Name, territory, string.Join("、", territory.Select(c => divisions.NameOf(c) ?? c)), a.AgreementNo,
                a.AgreementStart, a.AgreementEnd, a.ContactPerson, a.ContactPhone, a.Notes,
                served.Where(s => s.AgentId == a.Id).Select(s => new Person(s.Id, s.Name)).ToList(), a.Version);
        }).ToList();
    }
}
