using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Kam.Bench.Reporting;

/// <summary>What a reader needs to compare two result files: numbers from different machines or commits differ.</summary>
public sealed record MachineInfo(int Cpus, string CpuModel, double MemoryGiB, string Os, string Runtime, string Commit, string LoadAverage)
{
    public static MachineInfo Collect(string repoDir) => new(
        Environment.ProcessorCount,
        ReadCpuModel(),
        ReadMemoryGiB(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        ReadCommit(repoDir),
        ReadLoadAverage());

    /// <summary>
    /// 1, 5 and 15 minute load averages: on a 2-core machine anything else running (a build, a test suite) takes
    /// CPU from the server and the harness, and a load well above the core count marks the numbers as suspect.
    /// </summary>
    public static string ReadLoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }

    private static string ReadCpuModel()
    {
        const string path = "/proc/cpuinfo";
        if (!File.Exists(path))
            return "unknown";
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static double ReadMemoryGiB()
    {
        const string path = "/proc/meminfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var n, ..] ? long.Parse(n, CultureInfo.InvariantCulture) : 0;
        return Math.Round(kb / 1024d / 1024d, 1);
    }

    /// <summary>Short hash of HEAD, with "+dirty" when the work tree has changes the numbers may reflect.</summary>
    private static string ReadCommit(string repoDir)
    {
        var head = Git(repoDir, "rev-parse --short=12 HEAD");
        if (head is null)
            return "unknown";
        var status = Git(repoDir, "status --porcelain --untracked-files=no");
        return string.IsNullOrEmpty(status) ? head : head + "+dirty";
    }

    private static string? Git(string dir, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (git is null)
                return null;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on PATH
        }
    }
}
