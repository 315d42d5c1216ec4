using System.Globalization;
using System.Text.RegularExpressions;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>The numbering of contracts as the head configured it, and an example of the next number.</summary>
public sealed record ContractNumbering(string Pattern, string Example);

public sealed record ContractNumberingInput(string? Pattern);

/// <summary>
/// Automatic contract numbers from a configurable pattern (setting <see cref="SettingKey"/>, default
/// <c>KA-{yyyy}-{seq:0000}</c> → KA-2026-0001). Tokens: <c>{yyyy}</c>, <c>{yy}</c>, <c>{MM}</c> and one <c>{seq}</c> or
/// <c>{seq:000}</c> (zero-padded). The counter is a <see cref="NumberSequence"/> row per year (or one for all time when
/// the pattern names no year); two creates at once both read it, only one may write it (its version), the other retries.
/// </summary>
public sealed partial class ContractNumbers(IKamDb db, ICurrentUser me, Settings settings, TimeProvider clock)
{
    public const string SettingKey = "contracts.number_pattern";
    public const string DefaultPattern = "KA-{yyyy}-{seq:0000}";

    /// <summary>How often a create retries after another one took the same number in between.</summary>
    public const int Attempts = 10;

    public Task<string> PatternAsync(CancellationToken ct = default) => settings.GetAsync(SettingKey, DefaultPattern, ct);

    public async Task<ContractNumbering> Get(CancellationToken ct = default)
    {
        var pattern = await PatternAsync(ct);
        var key = KeyOf(pattern, clock.Today());
        var last = await db.Unscoped<NumberSequence>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Last).FirstOrDefaultAsync(ct);
        return new ContractNumbering(pattern, Format(pattern, clock.Today(), last + 1));
    }

    /// <summary>The head sets the pattern; it applies to the next contract created.</summary>
    public async Task<Result<ContractNumbering>> Set(ContractNumberingInput input, CancellationToken ct = default)
    {
        if (!ContractAccess.SetsNumbering(me))
            return Error.Forbidden();
        var pattern = input.Pattern?.Trim() ?? "";
        if (Check(pattern) is { } code)
            return Error.Validation("pattern", code);
        await settings.SetAsync(SettingKey, pattern, ct);
        await db.SaveChangesAsync(ct);
        return await Get(ct);
    }

    /// <summary>An error code when the pattern cannot make unique numbers that fit the column, else null.</summary>
    public static string? Check(string pattern)
    {
        if (pattern.Length == 0)
            return "contract.pattern_required";
        if (!Allowed().IsMatch(pattern))
            return "contract.pattern_invalid";
        if (Token().Matches(pattern).Count(m => m.Groups[1].Value == "seq") != 1)
            return "contract.pattern_needs_seq";
        if (Format(pattern, new DateOnly(2026, 12, 31), 999_999).Length > 40)
            return "contract.pattern_too_long";
        return null;
    }

    public static string Format(string pattern, DateOnly date, long seq) =>
        Token().Replace(pattern, m => m.Groups[1].Value switch
        {
            "yyyy" => date.Year.ToString("0000", CultureInfo.InvariantCulture),
            "yy" => (date.Year % 100).ToString("00", CultureInfo.InvariantCulture),
            "MM" => date.Month.ToString("00", CultureInfo.InvariantCulture),
            _ => seq.ToString(m.Groups[2].Success ? m.Groups[2].Value : "0", CultureInfo.InvariantCulture),
        });

    /// <summary>Per year when the number shows the year; else one counter for all time (numbers must stay unique).</summary>
    public static string KeyOf(string pattern, DateOnly date) =>
        pattern.Contains("{yyyy}", StringComparison.Ordinal) || pattern.Contains("{yy}", StringComparison.Ordinal)
            ? $"contract:{date.Year}"
            : "contract:all";

    /// <summary>Takes the next number: a tracked change of the counter that the caller saves with the contract.</summary>
    public async Task<string> NextAsync(CancellationToken ct)
    {
        var pattern = await PatternAsync(ct);
        var today = clock.Today();
        var key = KeyOf(pattern, today);
        var sequence = await db.Unscoped<NumberSequence>().FirstOrDefaultAsync(s => s.Key == key, ct);
        if (sequence is null)
        {
            sequence = new NumberSequence { Key = key };
            db.Unscoped<NumberSequence>().Add(sequence);
        }
        sequence.Last++;
        return Format(pattern, today, sequence.Last);
    }

    [GeneratedRegex(@"\{(yyyy|yy|MM|seq)(?::(0{1,8}))?\}")]
    private static partial Regex Token();

    [GeneratedRegex(@"^(?:[A-Za-z0-9\-_/.]|\{(?:yyyy|yy|MM|seq(?::0{1,8})?)\})+$")]
    private static partial Regex Allowed();
}
