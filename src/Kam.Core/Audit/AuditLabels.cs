using System.Globalization;
using Kam.Core.Common;

namespace Kam.Core.Audit;

/// <summary>
/// How the trail reads to a person: record types and fields by their names in the user's language, yes/no instead of
/// True/False, dates as yyyy-MM-dd, and without the bookkeeping a person never set (password stamps, search text,
/// versions). A field with no name of its own shows its code name, which the page-walk test refuses.
/// </summary>
public static class AuditLabels
{
    // Kept in the trail for completeness, never shown: Identity's internals and Kam's derived search and sort columns.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "AccessFailedCount", "ConcurrencyStamp", "SecurityStamp", "PasswordHash", "NormalizedUserName", "NormalizedEmail",
        "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "SearchText", "NormalizedName",
        "Version", "CreatedAt", "CreatedById", "UpdatedAt", "UpdatedById", "Id",
        // A survey's questions and answers as stored (JSON, read on the follow-up's page), and a link's token hash.
        "Questions", "Answers", "LinkTokenHash",
        // An appraisal sheet's lines and a scheme's rules as stored (JSON, read on their pages), a statement line's coded explanation.
        "Items", "Definition", "Explain",
    };

    public static string Entity(string type) => Text.Find($"audit.entity.{type}") ?? type;

    public static string Field(string field) => Text.Find($"audit.field.{field}") ?? field;

    public static bool Shown(AuditChange change) => !Hidden.Contains(change.Field);

    public static IEnumerable<AuditChange> ShownChanges(IEnumerable<AuditChange> changes) => changes.Where(Shown);

    // The text keys of enum values ("paymentmethod.BankTransfer"), by the value's code name.
    private static readonly Lazy<ILookup<string, string>> EnumKeys = new(() => Text.Keys.Keys
        .Where(k => System.Text.RegularExpressions.Regex.IsMatch(k, "^[a-z]+\\.[A-Z][A-Za-z0-9]*$"))
        .ToLookup(k => k[(k.IndexOf('.', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal));

    /// <summary>A stored value of a record of <paramref name="entity"/> as a person reads it (an enum value by its name).</summary>
    public static string Value(string entity, string? value)
    {
        if (value is not null && EnumKeys.Value[value].ToList() is { Count: > 0 } keys)
        {
            var key = keys.FirstOrDefault(k => k.StartsWith(entity.ToLowerInvariant(), StringComparison.Ordinal)) ?? keys[0];
            return Text.Get(key);
        }
        return Value(value);
    }

    /// <summary>A stored value as a person reads it.</summary>
    public static string Value(string? value)
    {
        if (value is null)
            return Text.Get("audit.empty");
        if (value is "True" or "true")
            return Text.Get("audit.yes");
        if (value is "False" or "false")
            return Text.Get("audit.no");
        // Dates written before the trail stored them as yyyy-MM-dd (in the server's culture, e.g. 12/07/2026).
        if (value.Length <= 10 && DateOnly.TryParseExact(value, "MM/dd/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && value.Contains('T', StringComparison.Ordinal))
            return BusinessClock.Format(at).Replace(' ', '\u00A0'); // a moment stays on one line on screen
        // A credit split (业绩分摊): each person's share as a percentage.
        if (Kam.Core.Ledger.CreditShares.Parse(value) is { Count: > 0 } shares)
            return string.Join("; ", shares.Select(x => $"{x.Person} {(x.BasisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture)}%"));
        return value;
    }
}
