using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

public sealed record ContactRow(
    Guid Id,
    Guid AccountId,
    string Name,
    string? Title,
    string? Department,
    string? Mobile,
    bool MobileMasked,
    string? Phone,
    string? Email,
    DecisionRole? DecisionRole,
    Attitude? Attitude,
    int? Strength,
    Guid? ReportsToId,
    DateOnly? Birthday,
    string? Preferences,
    DateOnly? LastContactedOn,
    Guid Version);

/// <summary>An account's contacts: listed (mobiles masked for those who need not see them), added, edited, archived.</summary>
public sealed class Contacts(IKamDb db, ICurrentUser me, IValidator<ContactInput> validator, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<PrivacyOptions> privacy)
{
    public async Task<Result<IReadOnlyList<ContactRow>>> List(Guid accountId, CancellationToken ct = default)
    {
        var account = await db.Read<Account>().AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.OwnerId }).FirstOrDefaultAsync(ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        var seeMobiles = await SeesMobilesAsync(accountId, account.OwnerId, ct);
        var contacts = await db.Read<Contact>().AsNoTracking().Where(c => c.AccountId == accountId && c.ArchivedAt == null)
            .OrderBy(c => c.Name).ToListAsync(ct);
        return contacts.Select(c => Row(c, seeMobiles)).ToList();
    }

    public async Task<Result<ContactRow>> Create(Guid accountId, ContactInput input, CancellationToken ct = default)
    {
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        if (!DataScope.EditsAccounts(me))
            return Error.Forbidden();
        if (account.ArchivedAt is not null)
            return Error.Conflict("account.archived");
        if (await CheckAsync(input, accountId, null, ct) is { } invalid)
            return invalid;
        var contact = new Contact { AccountId = accountId };
        Apply(contact, input);
        db.Unscoped<Contact>().Add(contact);
        await AccountSearch.RefreshAsync(db, account, ct);
        await db.SaveChangesAsync(ct);
        return Row(contact, seeMobiles: true);
    }

    public async Task<Result<ContactRow>> Update(Guid id, ContactInput input, CancellationToken ct = default)
    {
        var contact = await db.Read<Contact>().Include(c => c.Account).FirstOrDefaultAsync(c => c.Id == id && c.ArchivedAt == null, ct);
        if (contact is null)
            return Error.NotFound("contact.not_found");
        if (!DataScope.EditsAccounts(me))
            return Error.Forbidden();
        if (await CheckAsync(input, contact.AccountId, id, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != contact.Version)
            return Error.Conflict();
        db.Entry(contact).Property(c => c.Version).OriginalValue = version;
        Apply(contact, input);
        await AccountSearch.RefreshAsync(db, contact.Account!, ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return Row(contact, seeMobiles: true);
    }

    public async Task<Result> Archive(Guid id, CancellationToken ct = default)
    {
        var contact = await db.Read<Contact>().Include(c => c.Account).FirstOrDefaultAsync(c => c.Id == id && c.ArchivedAt == null, ct);
        if (contact is null)
            return Error.NotFound("contact.not_found");
        if (!DataScope.EditsAccounts(me))
            return Error.Forbidden();
        contact.ArchivedAt = clock.GetUtcNow();
        // Whoever reported to the archived contact now reports to their manager.
        foreach (var report in await db.Read<Contact>().Where(c => c.ReportsToId == id).ToListAsync(ct))
            report.ReportsToId = contact.ReportsToId;
        await AccountSearch.RefreshAsync(db, contact.Account!, ct);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }

    private async Task<Error?> CheckAsync(ContactInput input, Guid accountId, Guid? self, CancellationToken ct)
    {
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.ReportsToId is { } boss)
        {
            if (boss == self || !await db.Read<Contact>().AnyAsync(c => c.Id == boss && c.AccountId == accountId && c.ArchivedAt == null, ct))
                return Error.Validation("reportsToId", "contact.reports_to_invalid");
            if (self is { } me && await ReportsUpTo(boss, me, ct))
                return Error.Validation("reportsToId", "contact.reports_to_cycle");
        }
        return null;
    }

    // Walks up from the proposed manager; meeting the contact itself means the chart would loop.
    private async Task<bool> ReportsUpTo(Guid start, Guid contact, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        Guid? current = start;
        while (current is { } id && seen.Add(id))
        {
            if (id == contact)
                return true;
            current = await db.Read<Contact>().Where(c => c.Id == id).Select(c => c.ReportsToId).FirstOrDefaultAsync(ct);
        }
        return false;
    }

    private async Task<bool> SeesMobilesAsync(Guid accountId, Guid ownerId, CancellationToken ct) =>
        me.IsSystem || privacy.Value.FullMobileRoles.Any(me.IsInRole) || ownerId == me.Id
        || (me.Id is { } id && await db.Unscoped<AccountMember>().AnyAsync(m => m.AccountId == accountId && m.UserId == id, ct));

    private static void Apply(Contact c, ContactInput input)
    {
        c.Name = input.Name.Trim();
        c.Title = AccountRules.Clean(input.Title);
        c.Department = AccountRules.Clean(input.Department);
        c.Mobile = ChineseMobile.Normalize(input.Mobile);
        c.Phone = AccountRules.Clean(input.Phone);
        c.Email = AccountRules.Clean(input.Email);
        c.DecisionRole = input.DecisionRole;
        c.Attitude = input.Attitude;
        c.Strength = input.Strength;
        c.ReportsToId = input.ReportsToId;
        c.Birthday = input.Birthday;
        c.Preferences = AccountRules.Clean(input.Preferences);
        c.LastContactedOn = input.LastContactedOn;
    }

    private static ContactRow Row(Contact c, bool seeMobiles) => new(c.Id, c.AccountId, c.Name, c.Title, c.Department,
        seeMobiles ? c.Mobile : ChineseMobile.Mask(c.Mobile), !seeMobiles && c.Mobile is not null, c.Phone, c.Email,
        c.DecisionRole, c.Attitude, c.Strength, c.ReportsToId, c.Birthday, c.Preferences, c.LastContactedOn, c.Version);
}
