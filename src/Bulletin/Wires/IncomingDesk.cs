using System.Text.Json;
using Bulletin.Cli;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Wires;
using Bulletin.Ingest;
using Bulletin.Newsroom;
using Bulletin.Publishing;
using Bulletin.Site;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Wires;

/// <summary>
/// The Incoming queue: what the wires delivered, each story once, and what editors make of it. Stories are made
/// only through <see cref="StoryImporter"/>, the path `bulletin import` stores by, so a story taken or published
/// from a wire keeps its source, identity and version, a later version of it updates that story, and its withdrawal
/// kills it.
/// </summary>
public sealed class IncomingDesk(BulletinDbContext db, StoryImporter importer, SiteClock clock, TimeProvider time, ILogger<IncomingDesk> logger)
{
    /// <summary>The most a list answers in one go.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Who works the queue: the roles that edit stories.</summary>
    public static readonly IReadOnlyList<string> Desk = [StaffRoles.Editor, StaffRoles.Producer, StaffRoles.Admin];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Adds what is new in the deliveries (by source, identity and version) and, for a trusted wire, stores and
    /// publishes it at once; returns how many items were added. Items already in the queue are skipped, so a wire
    /// may deliver the same thing any number of times.
    /// </summary>
    public async Task<int> AddAsync(WireSourceOptions source, IReadOnlyList<WireDelivery> deliveries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var candidates = new Dictionary<(string, string), (StoryToImport Story, WireDelivery Delivery, ReadResult Read)>();
        foreach (var delivery in deliveries)
        {
            foreach (var read in delivery.Items)
            {
                if (read is { Ok: true, Story: { } content })
                {
                    var story = ImportCommand.ToImport(read, content, source.Name);
                    candidates.TryAdd((story.ExternalId, story.Version ?? ""), (story, delivery, read));
                }
                else
                {
                    logger.LogWarning("Wire {Wire}: an item of {Provenance} could not be read: {Error}", source.Name, delivery.Provenance, read.Error);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return 0;
        }

        var name = candidates.Values.First().Story.Source;
        foreach (var chunk in candidates.Keys.Select(k => k.Item1).Distinct().Chunk(500))
        {
            var ids = chunk.ToList();
            var known = await db.Incoming.AsNoTracking()
                .Where(i => i.Source == name && ids.Contains(i.Identity))
                .Select(i => new { i.Identity, i.Version })
                .ToListAsync(cancellationToken);
            foreach (var row in known)
            {
                candidates.Remove((row.Identity, row.Version));
            }
        }

        if (candidates.Count == 0)
        {
            return 0;
        }

        var fresh = candidates.Values.ToList();
        var stored = source.Publish
            ? await PublishAsync(source, [.. fresh.Select(f => f.Story)], cancellationToken)
            : null;
        if (!source.Publish && fresh.Where(f => f.Story.Killed).Select(f => f.Story).ToList() is { Count: > 0 } withdrawn)
        {
            // The source withdrew a story: one the desk took from it earlier comes down too, as `bulletin import`
            // takes down what it stored, since what a source withdraws may not stay on air or online. A withdrawal
            // of a story never taken only waits in the queue, marked, and cannot be taken.
            var killed = await importer.SaveAsync(withdrawn, null, publish: false, cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var story in killed.Where(k => k.Killed).Select(k => k.Story!))
            {
                logger.LogWarning("Wire {Wire} withdrew {Identity}: the story taken from it ({Story}) is killed.", source.Name, story.ExternalId, story.Id);
            }
        }
        var items = new List<IncomingItem>(fresh.Count);
        for (var i = 0; i < fresh.Count; i++)
        {
            var (story, delivery, read) = fresh[i];
            var item = new IncomingItem(Guid.CreateVersion7(now), story.Source, story.ExternalId, story.Version ?? "", read.Format.ToCode(), now,
                Fit(delivery.Provenance, 2000), Fit(story.Content.Headline, 500), JsonSerializer.Serialize(StoryJson.From(story.Content, clock), Json), read.Killed);
            if (stored?[i].Story is { } made)
            {
                item.NotePublished(made.Id, now);
            }

            items.Add(item);
        }

        return await InsertAsync(items, cancellationToken);
    }

    /// <summary>
    /// Makes a draft story of a new item, known by the wire's name, the item's identity and its version: taking a
    /// later version of a story already taken updates that story (its earlier text kept as a revision).
    /// </summary>
    public async Task<IncomingTaken> TakeAsync(Guid id, StaffActor editor, Guid? sectionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var item = await db.Incoming.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return new IncomingTaken(null, null, "There is no such item in Incoming.");
        }

        if (item.Status != IncomingStatus.New)
        {
            return new IncomingTaken(item, null, $"The item is {item.Status.ToString().ToLowerInvariant()} already.");
        }

        if (item.Killed)
        {
            return new IncomingTaken(item, null, "The source withdrew this story; there is nothing to take.");
        }

        var content = JsonSerializer.Deserialize<StoryJson>(item.StoryJson, Json)!.ToContent();
        var saved = await importer.SaveAsync(
            [new StoryToImport(item.Source, item.Identity, content) { Version = item.Version.Length == 0 ? null : item.Version, Draft = true }],
            sectionId, publish: false, cancellationToken);
        var story = saved[0].Story!;
        item.Take(story.Id, editor.Name, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new IncomingTaken(item, story, null);
    }

    public async Task<bool> DiscardAsync(Guid id, StaffActor editor, CancellationToken cancellationToken)
    {
        var item = await db.Incoming.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || !item.Discard(editor.Name, time.GetUtcNow()))
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Newest first, one status or all, one wire or all, headlines containing the words asked for; bounded.</summary>
    public async Task<IReadOnlyList<IncomingItem>> ListAsync(IncomingStatus? status, string? source, string? query, DateTimeOffset? before,
        int size, CancellationToken cancellationToken)
    {
        var items = db.Incoming.AsNoTracking();
        if (status is { } wanted)
        {
            items = items.Where(i => i.Status == wanted);
        }

        if (!string.IsNullOrWhiteSpace(source))
        {
            items = items.Where(i => i.Source == source);
        }

        if (before is { } end)
        {
            items = items.Where(i => i.ReceivedAt < end);
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            // Matched among the newest items only (the order's index walks them), so the search is bounded too.
            var text = query.Trim();
            items = items.Where(i => i.Headline.Contains(text));
        }

        return await items.OrderByDescending(i => i.ReceivedAt).ThenByDescending(i => i.Id)
            .Take(Math.Clamp(size, 1, MaxPageSize)).ToListAsync(cancellationToken);
    }

    /// <summary>What each configured wire last did (polled, failed, added), by name; none asked, none read.</summary>
    public async Task<IReadOnlyDictionary<string, WireSourceState>> StatesAsync(IEnumerable<WireSourceOptions> sources, CancellationToken cancellationToken)
    {
        var names = sources.Select(s => s.Name).ToList();
        return names.Count == 0
            ? new Dictionary<string, WireSourceState>()
            : await db.WireSources.AsNoTracking().Where(s => names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, cancellationToken);
    }

    public async Task<Guid?> SectionIdAsync(string? slug, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(slug)
            ? null
            : await db.Sections.Where(s => s.Slug == slug).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<IReadOnlyList<ImportedStory>> PublishAsync(WireSourceOptions source, IReadOnlyList<StoryToImport> stories, CancellationToken cancellationToken)
    {
        var sectionId = await SectionIdAsync(source.Section, cancellationToken);
        var saved = await importer.SaveAsync(stories, sectionId, publish: true, cancellationToken);
        db.ChangeTracker.Clear();
        return saved;
    }

    /// <summary>
    /// Inserts the items as one save; when another node (or a second poll) inserted one of them meanwhile, the unique
    /// key refuses the save and each is tried alone, the duplicates dropped.
    /// </summary>
    private async Task<int> InsertAsync(List<IncomingItem> items, CancellationToken cancellationToken)
    {
        db.Incoming.AddRange(items);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return items.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var added = 0;
        foreach (var item in items)
        {
            db.Incoming.Add(item);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                // Already there: the unique key is what makes a duplicate impossible.
            }

            db.ChangeTracker.Clear();
        }

        return added;
    }

    private static string Fit(string value, int max) => value.Length <= max ? value : value[..max];
}
