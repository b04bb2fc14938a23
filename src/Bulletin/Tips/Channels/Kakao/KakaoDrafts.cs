using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// What a Kakao user has said and sent so far, until they confirm: in this process's memory only, keyed by the
/// hash of their user key, and forgotten after 30 minutes. (With several nodes, route the skill to one node; a draft
/// lost to a restart only means the user is asked to send it again.) At most <see cref="MaxDrafts"/> are kept: a
/// flood of new senders is turned away rather than pushing out drafts people are still writing. One sender's sends
/// are limited like the web form's, per sender rather than per address (every skill call comes from Kakao's servers).
/// </summary>
public sealed class KakaoDrafts(TimeProvider clock, IOptions<TipsOptions> options, Fleet.FixedWindowLimits limits) : IDisposable
{
    public const int MaxDrafts = 10_000;

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, KakaoDraft> _drafts = new(StringComparer.Ordinal);

    // Counted across every node when Redis is configured: the web form's limits are, and a sender is the same person.
    private readonly PartitionedRateLimiter<string> _sends = limits.Create("kakao-sends", options.Value.SubmissionsPerWindow, options.Value.RateWindow);

    /// <summary>The sender's draft, or null when so many people are writing one that this new sender must wait.</summary>
    public KakaoDraft? Get(string sender)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _drafts.Where(d => now - d.Value.Touched > Lifetime).Select(d => d.Key).ToList())
        {
            _drafts.TryRemove(stale, out _);
        }

        if (!_drafts.ContainsKey(sender) && _drafts.Count >= MaxDrafts)
        {
            return null;
        }

        var draft = _drafts.GetOrAdd(sender, _ => new KakaoDraft());
        draft.Touched = now;
        return draft;
    }

    public void Forget(string sender) => _drafts.TryRemove(sender, out _);

    /// <summary>Whether this sender may send another tip now; each yes counts.</summary>
    public bool MaySend(string sender)
    {
        using var lease = _sends.AttemptAcquire(sender);
        return lease.IsAcquired;
    }

    public void Dispose() => _sends.Dispose();
}
