using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>Keeps <see cref="Account.SearchText"/> in step with the account and its contacts.</summary>
public static class AccountSearch
{
    public static string Build(Account account, IEnumerable<(string Name, string? Mobile)> contacts) =>
        string.Join("|", new[] { account.Name, account.ShortName, account.CreditCode }
            .Concat(contacts.SelectMany(c => new[] { c.Name, c.Mobile }))
            .Where(s => !string.IsNullOrWhiteSpace(s))).ToLowerInvariant();

    /// <summary>
    /// The accounts among <paramref name="accounts"/> whose search text contains <paramref name="search"/> (case aside):
    /// the search index names the few that may, and the exact contains-test keeps those that do. When
    /// <paramref name="accounts"/> is what the reader sees (<paramref name="scoped"/>) and that is their own book,
    /// not the department's, the contains-test alone is quicker: a few hundred accounts, against the index's
    /// candidates among all 50,000.
    /// </summary>
    public static IQueryable<Account> Containing(this IQueryable<Account> accounts, IKamDb db, string search, bool scoped = false)
    {
        var text = search.Trim().ToLowerInvariant();
        var pattern = "%" + Like.Escape(text) + "%";
        if (!SearchWords.Narrows(text) || (scoped && !db.ReadsAllAccounts))
            return accounts.Where(a => EF.Functions.Like(a.SearchText, pattern, Like.EscapeCharacter));
        var found = db.Matching(SearchKind.Account, text);
        // A two-character fragment (华远, the usual search) is answered by the index alone: its candidates are the matches.
        return SearchWords.Exact(text)
            ? accounts.Where(a => found.Contains(a.Id))
            : accounts.Where(a => found.Contains(a.Id) && EF.Functions.Like(a.SearchText, pattern, Like.EscapeCharacter));
    }

    public static async Task RefreshAsync(IKamDb db, Account account, CancellationToken ct)
    {
        // Contacts being saved in this unit of work count as they are now, the others as stored.
        var local = db.Unscoped<Contact>().Local.Where(c => c.AccountId == account.Id).ToList();
        var localIds = local.Select(c => c.Id).ToList();
        var stored = await db.Unscoped<Contact>()
            .Where(c => c.AccountId == account.Id && c.ArchivedAt == null && !localIds.Contains(c.Id))
            .Select(c => new { c.Name, c.Mobile }).ToListAsync(ct);
        account.SearchText = Build(account, stored.Select(c => (c.Name, c.Mobile))
            .Concat(local.Where(c => c.ArchivedAt == null).Select(c => (c.Name, c.Mobile))));
    }
}
