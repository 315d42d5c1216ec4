using System.Globalization;

namespace Kam.Bench.Cli;

/// <summary>
/// Minimal <c>--name value</c> / <c>--flag</c> parser: the harness has a handful of options and no dependency
/// is worth taking for them. Unknown options are rejected so that a typo never silently runs the defaults.
/// </summary>
public sealed class Args
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public Args(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? a[..eq] : a;
            if (flagOptions.Contains(name) && eq < 0)
                _flags.Add(name);
            else if (valueOptions.Contains(name))
            {
                string value;
                if (eq > 0)
                    value = a[(eq + 1)..];
                else if (i + 1 < args.Count)
                    value = args[++i];
                else
                    throw new UsageException($"{name} needs a value.");
                if (!_values.TryGetValue(name, out var list))
                    _values[name] = list = [];
                list.Add(value);
            }
            else
                throw new UsageException($"Unknown option '{a}'.");
        }
    }

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Get(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public int? Int(string name)
    {
        var raw = Get(name);
        if (raw is null)
            return null;
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new UsageException($"{name} must be a non-negative whole number, not '{raw}'.");
    }

    public double? Seconds(string name, bool positive = false)
    {
        var raw = Get(name);
        if (raw is null)
            return null;
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && double.IsFinite(s) && (positive ? s > 0 : s >= 0)
            ? s
            : throw new UsageException($"{name} must be a number of seconds, not '{raw}'.");
    }

    /// <summary>A comma-separated list of positive numbers, e.g. <c>--concurrency 1,4</c>.</summary>
    public int[]? Ints(string name)
    {
        var raw = Get(name);
        if (raw is null)
            return null;
        var parts = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var result = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out result[i]) || result[i] <= 0)
                throw new UsageException($"{name} takes positive numbers separated by commas, not '{raw}'.");
        }
        return result.Length > 0 ? result : throw new UsageException($"{name} is empty.");
    }

    /// <summary><c>--meta "Key=Value"</c> pairs that the caller (bench/run.sh) wants printed in the report header.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Meta() =>
        All("--meta").Select(m =>
        {
            var eq = m.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 ? KeyValuePair.Create(m[..eq], m[(eq + 1)..]) : throw new UsageException($"--meta takes Key=Value, not '{m}'.");
        }).ToList();
}

public sealed class UsageException(string message) : Exception(message);
