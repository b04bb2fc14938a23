using System.Globalization;

/// <summary>Resident memory of this process as Linux reports it, native allocations included (the GC's figures miss them).</summary>
internal static class ProcessMemory
{
    public static double PeakMegabytes() => Read("VmHWM:");

    public static double ResidentMegabytes() => Read("VmRSS:");

    private static double Read(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }
}
