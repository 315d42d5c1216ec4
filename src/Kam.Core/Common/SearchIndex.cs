using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Common;

/// <summary>A record found by a contains-search through the index: the text it is found by.</summary>
public interface ISearchable
{
    SearchKind SearchKind { get; }

    /// <summary>The text a search looks in, lower-cased (invariant), fields joined by '|'.</summary>
    string SearchableText();
}

/// <summary>What a search entry indexes.</summary>
public enum SearchKind
{
    /// <summary>An account: its search text (names, credit code, contacts and mobiles).</summary>
    Account = 1,

    /// <summary>A contract: its number and title.</summary>
    Contract = 2,

    /// <summary>An opportunity (project): its name.</summary>
    Opportunity = 3,

    /// <summary>A payment: its bank reference and note.</summary>
    Payment = 4,

    /// <summary>A service case: its number and title.</summary>
    Case = 5,
}

/// <summary>
/// One record's entry in the search index: its searchable text as index words (see <see cref="SearchWords"/>).
/// SQLite keeps an FTS5 table over these rows (filled by triggers), PostgreSQL a GIN index over their text search
/// vector; both are written by the same SaveChanges as the record (<see cref="SearchIndex"/>). Never shown: the
/// lists read the records through their own scopes and keep their exact contains-test.
/// </summary>
[Scoped(Scope.System)]
public class SearchEntry
{
    public long Id { get; set; }

    public SearchKind Kind { get; set; }

    public Guid RecordId { get; set; }

    public string Words { get; set; } = "";
}

/// <summary>
/// The words of the account search index. Each overlapping pair of characters of the search text becomes one word,
/// so that the two-character fragments people type ("华远") are whole words (a trigram index cannot answer
/// fragments below three characters). A pair is written as eight letters a–p (its two UTF-16 code units in
/// hexadecimal with 0–f shifted to a–p): plain ASCII words that SQLite's FTS5 and PostgreSQL's text search take as
/// they are, whatever the characters (CJK, digits, punctuation, the fields' separator).
/// <para>
/// The index only narrows: a query's pairs are all in every text that contains the query, so the accounts the index
/// returns include every match, and the caller keeps its exact contains-test (LIKE) on those few. A one-character
/// query is a prefix word (every occurrence of a character starts a pair, since the text ends with a separator).
/// </para>
/// </summary>
public static class SearchWords
{
    /// <summary>A query uses at most this many pairs: any subset of them still finds every match.</summary>
    public const int MaxQueryPairs = 8;

    private const char End = '|';

    /// <summary>
    /// Whether the index is worth asking: a single character is in a large share of all texts (华 in one account
    /// of six), so reading them through the index costs more than the contains-scan it would replace.
    /// </summary>
    public static bool Narrows(string text) => text.Length >= 2;

    /// <summary>
    /// Whether the index's candidates for a (lower-cased) query are exactly the texts that contain it, so that no
    /// contains-test need follow: a two-character query is one pair, and a text has that pair only where the two
    /// characters stand side by side. Longer queries have every pair somewhere, not necessarily in a row; a query with
    /// the end mark would also match the end of a text.
    /// </summary>
    public static bool Exact(string text) => text.Length == 2 && !text.Contains(End);

    /// <summary>The index words of a search text (already lower-cased, as <see cref="ISearchable.SearchableText"/>).</summary>
    public static string Of(string searchText)
    {
        var text = searchText + End;
        var seen = new HashSet<(char, char)>();
        var words = new StringBuilder(text.Length * 9);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (!seen.Add((text[i], text[i + 1])))
                continue;
            if (words.Length > 0)
                words.Append(' ');
            Append(words, text[i]);
            Append(words, text[i + 1]);
        }
        return words.ToString();
    }

    /// <summary>
    /// The words to look up for a (trimmed, lower-cased) query, and whether they are prefixes (a one-character query);
    /// null when the query has no characters.
    /// </summary>
    public static (IReadOnlyList<string> Words, bool Prefix)? Query(string text)
    {
        if (text.Length == 0)
            return null;
        if (text.Length == 1)
        {
            var one = new StringBuilder(4);
            Append(one, text[0]);
            return ([one.ToString()], true);
        }
        var pairs = new List<string>();
        var seen = new HashSet<(char, char)>();
        for (var i = 0; i + 1 < text.Length && pairs.Count < MaxQueryPairs; i++)
        {
            if (!seen.Add((text[i], text[i + 1])))
                continue;
            var word = new StringBuilder(8);
            Append(word, text[i]);
            Append(word, text[i + 1]);
            pairs.Add(word.ToString());
        }
        return (pairs, false);
    }

    private static void Append(StringBuilder to, char c)
    {
        for (var shift = 12; shift >= 0; shift -= 4)
            to.Append((char)('a' + ((c >> shift) & 0xF)));
    }
}

/// <summary>
/// Keeps the search index in step with the records: called by the DbContext's SaveChanges, so an entry is written in
/// the same transaction as its record, whichever use case changed it.
/// </summary>
public static class SearchIndex
{
    /// <summary>
    /// Adds or updates the entries of the searchable records this unit of work adds or whose text it changes, and
    /// removes those of records it deletes.
    /// </summary>
    public static async Task SyncAsync(DbContext db, CancellationToken ct)
    {
        var deleted = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted && e.Entity is ISearchable and Entity)
            .Select(e => ((Entity)e.Entity).Id).ToList();
        if (deleted.Count > 0)
            db.Set<SearchEntry>().RemoveRange(await db.Set<SearchEntry>().Where(e => deleted.Contains(e.RecordId)).ToListAsync(ct));
        var changed = new List<(SearchKind Kind, Guid Id, string Text, bool Added)>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Entity is not (ISearchable searchable and Entity record) || entry.State is not (EntityState.Added or EntityState.Modified))
                continue;
            var text = searchable.SearchableText();
            if (entry.State == EntityState.Modified && ((ISearchable)entry.OriginalValues.ToObject()).SearchableText() == text)
                continue;
            changed.Add((searchable.SearchKind, record.Id, text, entry.State == EntityState.Added));
        }
        if (changed.Count == 0)
            return;
        var entries = db.Set<SearchEntry>();
        // A record added now has no entry yet; one changed has its entry stored (or added earlier in this unit of work).
        var modified = changed.Where(c => !c.Added).Select(c => c.Id).ToList();
        var existing = new Dictionary<(SearchKind, Guid), SearchEntry>();
        if (modified.Count > 0)
        {
            foreach (var entry in await entries.Where(e => modified.Contains(e.RecordId)).ToListAsync(ct))
                existing[(entry.Kind, entry.RecordId)] = entry;
            foreach (var entry in entries.Local)
                existing[(entry.Kind, entry.RecordId)] = entry;
        }
        foreach (var (kind, id, text, added) in changed)
        {
            var words = SearchWords.Of(text);
            if (!added && existing.TryGetValue((kind, id), out var entry))
                entry.Words = words;
            else
                entries.Add(new SearchEntry { Kind = kind, RecordId = id, Words = words });
        }
    }
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<SearchEntry> b)
    {
        b.ToTable("SearchEntries");
        b.Property(e => e.Words).IsRequired();
        b.HasIndex(e => new { e.RecordId, e.Kind }).IsUnique();
    }
}
