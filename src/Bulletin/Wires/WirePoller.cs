using System.Net;
using System.Net.Http.Headers;
using Bulletin.Data;
using Bulletin.Data.Wires;
using Bulletin.Ingest;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Wires;

/// <summary>
/// Looks at each configured wire when it is due: a folder for files it has not read, an HTTP document with a
/// conditional GET. What it finds goes into the Incoming queue, whose unique key keeps it from holding anything
/// twice, however often a file is seen or a feed repeats itself, and whichever node polls. A wire that fails is
/// tried again later each time (the wait doubles, up to Wires:MaxBackoffSeconds); its state is kept in the
/// database, so a restart neither forgets the validators nor hammers a wire that is down.
/// </summary>
public sealed class WirePoller(IServiceScopeFactory scopes, IOptions<WiresOptions> options, IHttpClientFactory http, TimeProvider time,
    ILogger<WirePoller> logger) : BackgroundService
{
    public const string HttpClientName = "wires";

    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a node that claimed a wire's poll holds it: longer than a fetch may take (the client's 30 s) and the
    /// queue's save. The poll's outcome then sets the next time; a node that dies mid-poll lets it go when this ends.
    /// </summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromMinutes(2);

    /// <summary>Files already read by this process, so a folder is not reread at every look (name, size, time).</summary>
    private readonly HashSet<(string Source, string File, long Size, DateTime Modified)> _seen = [];

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Looks at one wire now, whatever its schedule; returns how many items it added.</summary>
    public async Task<int> PollAsync(string name, CancellationToken cancellationToken)
    {
        var source = options.Value.Sources.FirstOrDefault(s => s.Name == name)
            ?? throw new ArgumentException($"There is no wire '{name}'.", nameof(name));
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await PollSourceAsync(source, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Sources.Count == 0)
        {
            return;
        }

        // Once a second is often enough to keep every wire's own interval, and costs one small query a second at most.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            foreach (var source in options.Value.Sources)
            {
                try
                {
                    if (await ClaimAsync(source.Name, stoppingToken))
                    {
                        await PollAsync(source.Name, stoppingToken);
                    }
                }
                catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException or TimeoutException)
                {
                    // The database is away for a moment: the wire is looked at again on a later tick.
                    logger.LogWarning("Wire {Wire} could not be polled this time: {Error}", source.Name, e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Whether this node polls the wire now: when it is due, the first node to move its next time on (one conditional
    /// update, or the insert of its first state) has it, so several nodes fetch a wire once per interval between
    /// them, not once each.
    /// </summary>
    private async Task<bool> ClaimAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var now = time.GetUtcNow();
        var until = now + ClaimTime;
        var claimed = await db.WireSources.Where(s => s.Name == name && (s.NextAttemptAt == null || s.NextAttemptAt <= now))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.NextAttemptAt, until), cancellationToken);
        if (claimed == 1)
        {
            return true;
        }

        if (await db.WireSources.AnyAsync(s => s.Name == name, cancellationToken))
        {
            return false;
        }

        // Never polled by any node: whoever inserts its state first has it; the others meet the primary key.
        var first = new WireSourceState(name);
        first.Claim(until);
        db.WireSources.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task<int> PollSourceAsync(WireSourceOptions source, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var state = await db.WireSources.AsNoTracking().FirstOrDefaultAsync(s => s.Name == source.Name, cancellationToken)
            ?? new WireSourceState(source.Name);
        var now = time.GetUtcNow();
        var added = 0;
        string? etag = null, lastModified = null, error = null;
        DateTimeOffset? seenUpTo = null;
        try
        {
            var queue = scope.ServiceProvider.GetRequiredService<IncomingDesk>();
            if (source.Kind == WireKind.Http)
            {
                (var deliveries, etag, lastModified) = await FetchAsync(source, state, cancellationToken);
                added = await queue.AddAsync(source, deliveries, cancellationToken);
            }
            else
            {
                var (deliveries, newest, read) = ReadFolder(source, state);
                added = await queue.AddAsync(source, deliveries, cancellationToken);
                _seen.UnionWith(read);
                seenUpTo = newest;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or UnauthorizedAccessException or WireRefusedException
            // A timeout (HttpClient's own), not a shutdown.
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            error = e.Message;
        }

        // The queue's saves may have cleared the tracker: the state is written from a fresh read.
        db.ChangeTracker.Clear();
        var tracked = await db.WireSources.FirstOrDefaultAsync(s => s.Name == source.Name, cancellationToken);
        if (tracked is null)
        {
            tracked = new WireSourceState(source.Name);
            db.WireSources.Add(tracked);
        }

        if (error is null)
        {
            tracked.Succeeded(now, now.AddSeconds(source.Interval), added, etag, lastModified, seenUpTo);
        }
        else
        {
            var failures = tracked.ConsecutiveFailures + 1;
            var wait = Math.Min(source.Interval * Math.Pow(2, Math.Min(failures, 20)), options.Value.MaxBackoffSeconds);
            logger.LogWarning("Wire {Wire} failed ({Failures} in a row), next try in {Seconds} s: {Error}", source.Name, failures, wait, error);
            tracked.Failed(now, now.AddSeconds(wait), error);
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    private async Task<(IReadOnlyList<WireDelivery>, string?, string?)> FetchAsync(WireSourceOptions source, WireSourceState state,
        CancellationToken cancellationToken)
    {
        var url = new Uri(source.Url!);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (state.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (state.LastModified is { } modified && DateTimeOffset.TryParse(modified, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }

        using var client = http.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return ([], null, null);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new WireRefusedException($"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        if (response.Content.Headers.ContentLength is > StoryFiles.MaxBytes)
        {
            throw new WireRefusedException($"{url} sent {response.Content.Headers.ContentLength} bytes; Bulletin reads up to {StoryFiles.MaxBytes}.");
        }

        var bytes = await ReadBoundedAsync(response.Content, cancellationToken);
        var items = StoryFiles.Read(bytes, source.ParsedFormat);
        var lastModified = response.Content.Headers.LastModified?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return ([new WireDelivery(url.ToString(), items)], response.Headers.ETag?.ToString(), lastModified);
    }

    /// <summary>A server that sends no length, or lies about it, is still read only up to the limit.</summary>
    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > StoryFiles.MaxBytes)
            {
                throw new WireRefusedException($"The response is over {StoryFiles.MaxBytes} bytes, the most Bulletin reads.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The files of the folder not read yet, oldest first. After a restart, files older than the newest one read
    /// before are skipped; those as new are read again and the queue's key refuses what it holds.
    /// </summary>
    private (IReadOnlyList<WireDelivery>, DateTimeOffset?, List<(string, string, long, DateTime)>) ReadFolder(WireSourceOptions source, WireSourceState state)
    {
        var folder = new DirectoryInfo(source.Path!);
        if (!folder.Exists)
        {
            throw new WireRefusedException($"The folder {folder.FullName} does not exist.");
        }

        var deliveries = new List<WireDelivery>();
        var read = new List<(string, string, long, DateTime)>();
        DateTimeOffset? newest = state.SeenUpTo;
        // A file written in the last moment may be half copied: it is read on a later look, once it has settled.
        var settled = time.GetUtcNow().UtcDateTime - SettleTime;
        var files = folder.EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && f.LastWriteTimeUtc <= settled
                && (state.SeenUpTo is not { } upTo || f.LastWriteTimeUtc >= upTo.UtcDateTime))
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            // A bounded look: a folder holding a whole archive is taken in a thousand files at a time.
            .Take(1000);
        foreach (var file in files)
        {
            var key = (source.Name, file.Name, file.Length, file.LastWriteTimeUtc);
            if (_seen.Contains(key))
            {
                continue;
            }

            if (file.Length > StoryFiles.MaxBytes)
            {
                logger.LogWarning("Wire {Wire}: {File} is over {Max} bytes and was not read.", source.Name, file.FullName, StoryFiles.MaxBytes);
            }
            else
            {
                deliveries.Add(new WireDelivery(file.FullName, StoryFiles.Read(File.ReadAllBytes(file.FullName), source.ParsedFormat)));
            }

            read.Add(key);
            var modified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
            newest = newest is { } n && n > modified ? n : modified;
        }

        return (deliveries, newest, read);
    }
}
