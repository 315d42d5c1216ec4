using System.Globalization;
using Kam.Bench.Cli;

namespace Kam.Bench.Monitoring;

/// <summary>
/// Memory of the server under test, read from /proc/PID/status: VmRSS is resident memory now, VmHWM its peak
/// since the process started (the kernel's high-water mark, so no sample can miss a short spike).
/// </summary>
public sealed class ServerProcess(int pid)
{
    public int Pid { get; } = pid;

    public static ServerProcess? FromArg(int? pid)
    {
        if (pid is null)
            return null;
        var server = new ServerProcess(pid.Value);
        return server.ReadKb("VmRSS") is not null
            ? server
            : throw new UsageException($"--server-pid {pid}: no such process here (or /proc/{pid}/status has no VmRSS).");
    }

    public double? RssMb() => ReadKb("VmRSS") / 1024d;

    public double? PeakMb() => ReadKb("VmHWM") / 1024d;

    private long? ReadKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal)
                    && line.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries) is [_, var kb, ..])
                    return long.Parse(kb, CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended (or is not ours to read): no figure rather than a crash mid-run.
        }
        return null;
    }
}
