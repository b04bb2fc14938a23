using System.Threading.RateLimiting;
using Bulletin.Fleet;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// One sender's sends are limited like the web form's, per sender rather than per address (every skill call comes
/// from Kakao's servers), and across every node when Redis is configured.
/// </summary>
public sealed class KakaoSends(IOptions<TipsOptions> options, FixedWindowLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _sends = limits.Create("kakao-sends", options.Value.SubmissionsPerWindow, options.Value.RateWindow);

    /// <summary>Whether this sender may send another tip now; each yes counts.</summary>
    public bool MaySend(string sender)
    {
        using var lease = _sends.AttemptAcquire(sender);
        return lease.IsAcquired;
    }

    public void Dispose() => _sends.Dispose();
}
