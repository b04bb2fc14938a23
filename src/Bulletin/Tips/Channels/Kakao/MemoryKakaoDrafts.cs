using System.Collections.Concurrent;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// Kakao drafts in this process's memory only, keyed by the hash of the user key: right for one node; a draft lost to
/// a restart only means the user is asked to send it again.
/// </summary>
public sealed class MemoryKakaoDrafts(TimeProvider clock) : IKakaoDrafts
{
    private readonly ConcurrentDictionary<string, Entry> _drafts = new(StringComparer.Ordinal);

    public async Task<KakaoTurn?> BeginTurnAsync(string sender, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var stale in _drafts.Where(d => now - d.Value.Touched > IKakaoDrafts.Lifetime).Select(d => d.Key).ToList())
        {
            _drafts.TryRemove(stale, out _);
        }

        if (!_drafts.ContainsKey(sender) && _drafts.Count >= IKakaoDrafts.MaxDrafts)
        {
            return null;
        }

        var entry = _drafts.GetOrAdd(sender, _ => new Entry());
        entry.Touched = now;
        await entry.Turn.WaitAsync(cancellationToken);
        return new KakaoTurn(entry.Draft,
            save: _ => Task.CompletedTask, // the draft is this very object
            forget: () =>
            {
                _drafts.TryRemove(sender, out _);
                return Task.CompletedTask;
            },
            end: () =>
            {
                entry.Turn.Release();
                return ValueTask.CompletedTask;
            });
    }

    private sealed class Entry
    {
        public KakaoDraft Draft { get; } = new();
        public DateTimeOffset Touched { get; set; }
        public SemaphoreSlim Turn { get; } = new(1, 1);
    }
}
