namespace Bulletin.Site.Benchmark;

/// <summary>One measured wrk run against one server, with the server's processor time over the same run.</summary>
internal sealed record WrkResult(long Requests, double Seconds, double P50Ms, double P99Ms, long SocketErrors, long Non2xx,
    long Timeouts, TimeSpan ServerCpu)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double CpuMicrosPerRequest => Requests == 0 ? double.NaN : ServerCpu.TotalMicroseconds / Requests;
}
