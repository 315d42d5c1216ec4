using System.Globalization;

namespace Kam.Core.Ledger;

/// <summary>
/// A split of one record's credit between people (业绩分摊, e.g. 70/30), kept on the record as text
/// ("{person}:{basis points};..." summing to 10,000) so that its ledger source splits every fact of the record, the
/// reversal's as well as the payment's, and a rebuild from the records gives the same figures.
/// </summary>
public static class CreditShares
{
    public const int Whole = 10_000;

    public static IReadOnlyList<(Guid Person, int BasisPoints)> Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var shares = new List<(Guid, int)>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':');
            if (colon < 0 || !Guid.TryParse(part.AsSpan(0, colon), out var person)
                || !int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var bp))
                return [];
            shares.Add((person, bp));
        }
        return shares.Sum(s => s.Item2) == Whole ? shares : [];
    }

    public static string? Format(IReadOnlyList<(Guid Person, int BasisPoints)> shares) =>
        shares.Count == 0 ? null : string.Join(';', shares.Select(s => s.Person.ToString("D") + ":" + s.BasisPoints.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// An amount (and a count) divided by the shares, exactly: each share's fen rounded down, the fen left over to the
    /// first shares, the count to the first share. Without shares, all of it to <paramref name="credited"/>.
    /// </summary>
    public static IEnumerable<(Guid Person, long Fen, int Count)> Split(string? text, Guid credited, long fen, int count)
    {
        var shares = Parse(text);
        if (shares.Count == 0)
        {
            yield return (credited, fen, count);
            yield break;
        }
        var parts = shares.Select(s => fen * s.BasisPoints / Whole).ToArray();
        var left = fen - parts.Sum();
        var step = Math.Sign(left);
        for (var i = 0; left != 0; i = (i + 1) % parts.Length, left -= step)
            parts[i] += step;
        for (var i = 0; i < shares.Count; i++)
            yield return (shares[i].Person, parts[i], i == 0 ? count : 0);
    }
}
