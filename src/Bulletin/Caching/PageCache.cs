using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Bulletin.Caching;

/// <summary>
/// This node's finished public pages, by address. Reading is lock-free; storing and evicting share a lock and a
/// generation number, so a page whose rendering began before an eviction is never stored after it (it may hold
/// what the eviction was meant to remove: a story killed while it was being read).
/// </summary>
public sealed class PageCache
{
    /// <summary>The tag every cached page carries: evicting it empties the cache.</summary>
    public const string AllPagesTag = "public";

    private readonly ConcurrentDictionary<string, CachedPage> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedPage>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly IOptions<PageCacheOptions> _options;
    private long _generation;
    private long _bytes;

    public PageCache(TimeProvider time, IOptions<PageCacheOptions> options)
    {
        _time = time;
        _options = options;
        _bySpan = _pages.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _pages.Count;

    /// <summary>Bytes held, compressed copies included.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Read before rendering a page and handed back to <see cref="TryStore"/>.</summary>
    internal long Generation => Volatile.Read(ref _generation);

    internal bool TryGet(ReadOnlySpan<char> key, long now, out CachedPage page)
    {
        if (_bySpan.TryGetValue(key, out page!) && now < page.ExpiresAt)
        {
            page.LastUsed = now;
            return true;
        }

        return false;
    }

    internal bool TryStore(string key, CachedPage page, long generation)
    {
        lock (_gate)
        {
            if (_generation != generation)
            {
                return false;
            }

            if (_pages.TryGetValue(key, out var old))
            {
                old.Stored = false;
                _bytes -= old.Size;
            }

            _pages[key] = page;
            page.Stored = true;
            _bytes += page.Size;
            if (_bytes > _options.Value.SizeLimitBytes)
            {
                Shrink(_options.Value.SizeLimitBytes * 3 / 4);
            }

            return true;
        }
    }

    /// <summary>
    /// The page's copy in this coding (the page itself when no coding makes it smaller). The first reader to ask for
    /// a coding waits for a copy made at a fast level; a smaller one may replace it later (<see cref="InstallBest"/>).
    /// </summary>
    internal PageVariant CopyOf(CachedPage page, Coding coding)
    {
        if (page.Copy(coding) is { } held)
        {
            return held;
        }

        // Made outside the lock: two first readers may both compress, and the second takes the first one's copy.
        var made = page.Compress(coding, best: false, _options.Value);
        lock (_gate)
        {
            if (page.Copy(coding) is { } raced)
            {
                return raced;
            }

            var grown = page.Install(coding, made);
            if (page.Stored)
            {
                _bytes += grown;
            }
        }

        return made ?? page.Identity;
    }

    /// <summary>Puts a smaller copy in place of the one readers have had, while the page is still held.</summary>
    internal void InstallBest(CachedPage page, Coding coding, PageVariant best)
    {
        lock (_gate)
        {
            if (page.Stored && page.Copy(coding) is { } current && best.Body.Length < current.Body.Length)
            {
                _bytes += page.Install(coding, best);
            }
        }
    }

    /// <summary>Drops every page carrying <paramref name="tag"/>, and any page being rendered now.</summary>
    public void EvictByTag(string tag)
    {
        lock (_gate)
        {
            _generation++;
            foreach (var (key, page) in _pages)
            {
                if (tag == AllPagesTag || page.Tags.Contains(tag))
                {
                    Remove(key, page);
                }
            }
        }
    }

    /// <summary>Makes room, least recently read first; expired pages go before anything else.</summary>
    private void Shrink(long target)
    {
        var now = _time.GetTimestamp();
        foreach (var (key, page) in _pages.OrderBy(p => p.Value.ExpiresAt > now).ThenBy(p => p.Value.LastUsed))
        {
            if (_bytes <= target)
            {
                break;
            }

            Remove(key, page);
        }
    }

    private void Remove(string key, CachedPage page)
    {
        if (_pages.TryRemove(new KeyValuePair<string, CachedPage>(key, page)))
        {
            page.Stored = false;
            _bytes -= page.Size;
        }
    }
}
