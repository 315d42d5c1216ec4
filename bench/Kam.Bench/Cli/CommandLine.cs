namespace Kam.Bench.Cli;

public static class CommandLine
{
    /// <summary>
    /// The command as one could paste it again, for the report header; --meta pairs are left out because the
    /// header shows them as rows of their own.
    /// </summary>
    public static string Current(IReadOnlyList<string> args, string command = "run")
    {
        var kept = new List<string> { "Kam.Bench", command };
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--meta")
                i++;
            else if (!args[i].StartsWith("--meta=", StringComparison.Ordinal))
                kept.Add(Quote(args[i]));
        }
        return string.Join(' ', kept);
    }

    private static string Quote(string a) =>
        a.Length > 0 && a.All(c => char.IsLetterOrDigit(c) || "-_./:=,@+".Contains(c, StringComparison.Ordinal)) ? a : $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
