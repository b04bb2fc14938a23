using System.Collections.Concurrent;

namespace Bulletin.Newsroom;

/// <summary>
/// Who has which story open in the editor, as last reported by their editor page (on opening it and on every
/// autosave). Kept in memory: right for one node; with several nodes each knows only its own editors, which is
/// why a stale save is still refused by the story's version, whatever this says.
/// </summary>
public sealed class EditingPresence(TimeProvider time)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<(Guid Story, string Who), DateTimeOffset> _seen = new();

    public void Touch(Guid storyId, string who) => _seen[(storyId, who)] = time.GetUtcNow();

    public IReadOnlyList<string> Others(Guid storyId, string me)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _seen.Where(e => now - e.Value > Fresh).Select(e => e.Key).ToList())
        {
            _seen.TryRemove(stale, out _);
        }

        return [.. _seen.Keys.Where(k => k.Story == storyId && k.Who != me).Select(k => k.Who).Order(StringComparer.Ordinal)];
    }
}
