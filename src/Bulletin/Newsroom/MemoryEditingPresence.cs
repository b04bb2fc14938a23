using System.Collections.Concurrent;

namespace Bulletin.Newsroom;

/// <summary>Editing presence in this process's memory: right for one node.</summary>
public sealed class MemoryEditingPresence(TimeProvider time) : IEditingPresence
{
    public static readonly TimeSpan Fresh = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<(Guid Story, string Who), DateTimeOffset> _seen = new();

    public Task TouchAsync(Guid storyId, string who, CancellationToken cancellationToken)
    {
        _seen[(storyId, who)] = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> OthersAsync(Guid storyId, string me, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _seen.Where(e => now - e.Value > Fresh).Select(e => e.Key).ToList())
        {
            _seen.TryRemove(stale, out _);
        }

        IReadOnlyList<string> others = [.. _seen.Keys.Where(k => k.Story == storyId && k.Who != me).Select(k => k.Who).Order(StringComparer.Ordinal)];
        return Task.FromResult(others);
    }
}
