using System.Collections.Concurrent;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// What a Kakao user has said and sent so far, until they confirm: in this process's memory only, keyed by the
/// hash of their user key, and forgotten after 30 minutes. (With several nodes, route the skill to one node; a draft
/// lost to a restart only means the user is asked to send it again.)
/// </summary>
public sealed class KakaoDrafts(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, KakaoDraft> _drafts = new(StringComparer.Ordinal);

    public KakaoDraft Get(string sender)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _drafts.Where(d => now - d.Value.Touched > Lifetime).Select(d => d.Key).ToList())
        {
            _drafts.TryRemove(stale, out _);
        }

        var draft = _drafts.GetOrAdd(sender, _ => new KakaoDraft());
        draft.Touched = now;
        return draft;
    }

    public void Forget(string sender) => _drafts.TryRemove(sender, out _);
}
