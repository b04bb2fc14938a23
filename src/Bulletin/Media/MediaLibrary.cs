using System.Text.Json;
using Bulletin.Core.Media;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Media.Renditions;
using Bulletin.Media.Storage;
using Bulletin.Newsroom;
using Bulletin.Tips.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Media;

/// <summary>
/// The media library: an upload is read (bounded), sniffed, decoded and rendered in memory first, so a bad file is
/// refused before anything is kept; then the original and every rendition go to the store and the item to the
/// database, and if any of that fails the files already written are removed again. Nothing is left half-made.
/// </summary>
public sealed class MediaLibrary(
    BulletinDbContext db,
    IMediaStore store,
    PhotoRenditions renditions,
    MediaRenditionSlots slots,
    IOptions<MediaLibraryOptions> options,
    TimeProvider time,
    ILogger<MediaLibrary> logger)
{
    public const int MaxPageSize = 100;

    /// <summary>The roles that write stories, as the story table names them, are the ones that add and describe media.</summary>
    public static bool MayWork(IEnumerable<string> roles) => StoryWorkflow.Table.RoleMayEver(roles, StoryAction.Edit);

    public async Task<MediaUpload> UploadAsync(Stream content, MediaFields fields, FocalPoint focalPoint, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(actor);
        var limit = options.Value.MaxUploadBytes;
        using var buffer = new MemoryStream();
        if (!await CopyBoundedAsync(content, buffer, limit, cancellationToken))
        {
            return MediaUpload.Refused(StatusCodes.Status413PayloadTooLarge, "The file is too large",
                MediaLibraryOptions.Describe(limit));
        }

        if (buffer.Length == 0)
        {
            return MediaUpload.Refused(StatusCodes.Status400BadRequest, "The file is empty", "The uploaded file has no bytes.");
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var type = MetadataScrubber.Detect(bytes.Span[..Math.Min(16, bytes.Length)]);
        if (type is not (PhotoRenditions.Jpeg or "image/png" or PhotoRenditions.WebP))
        {
            return MediaUpload.Refused(StatusCodes.Status415UnsupportedMediaType, "Not a photo Bulletin reads", type switch
            {
                "image/heif" => "HEIC and AVIF photos are not read yet: export the photo as JPEG and upload that.",
                "video/mp4" or "video/quicktime" => "Video uploads are not taken yet: upload a photo (JPEG, PNG or WebP).",
                "image/gif" => "GIF is not taken: upload a JPEG, PNG or WebP photo.",
                _ => "The file is not a JPEG, PNG or WebP photo (its first bytes say what it is, not its name).",
            });
        }

        PhotoRendering rendering;
        await slots.Gate.WaitAsync(cancellationToken);
        try
        {
            rendering = await Task.Run(() => renditions.Make(bytes.Span, type, focalPoint), cancellationToken);
        }
        finally
        {
            slots.Gate.Release();
        }

        if (rendering.Refusal is { } refusal)
        {
            return MediaUpload.Refused(StatusCodes.Status422UnprocessableEntity, "The photo cannot be used", refusal);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var written = new List<string>();
        try
        {
            await PutAsync(MediaPaths.OriginalKey(id), bytes, written, cancellationToken);
            foreach (var file in rendering.Files)
            {
                await PutAsync(MediaPaths.Key(id, file.Rendition.Name), file.Content, written, cancellationToken);
            }
        }
        // A store that cannot be reached for now is the host's 503 with Retry-After (after the clean-up below).
        catch (Exception e) when (e is not OperationCanceledException and not MediaStoreUnavailableException)
        {
            logger.LogError(e, "Storing media {Id} failed; removing the {Count} files written", id, written.Count);
            await RemoveAsync(written);
            return MediaUpload.Refused(StatusCodes.Status507InsufficientStorage, "The file could not be stored", IsDiskFull(e)
                ? "The media store is full: nothing was kept. Ask an administrator to free space, then upload again."
                : "The media store refused the file: nothing was kept. Try again; if it keeps failing, tell an administrator.");
        }
        catch
        {
            await RemoveAsync(written);
            throw;
        }

        var item = new MediaItem(id, MediaKind.Photo, type, bytes.Length, rendering.Width, rendering.Height, fields, focalPoint,
            [.. rendering.Files.Select(f => f.Rendition)], actor.Id, actor.Name, now);
        db.MediaItems.Add(item);
        db.AuditLog.Add(new AuditEntry(actor.Id, actor.Name, "media.upload", $"media:{id}",
            $"{type}, {bytes.Length} bytes, {rendering.Width} x {rendering.Height}", now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await RemoveAsync(written);
            throw;
        }

        return new MediaUpload(item, StatusCodes.Status201Created, null, null);
    }

    public Task<MediaItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.MediaItems.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>The items among <paramref name="ids"/> that exist, by id: a story page's few.</summary>
    public async Task<IReadOnlyDictionary<Guid, MediaItem>> FindAllAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? new Dictionary<Guid, MediaItem>()
            : await db.MediaItems.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);

    /// <summary>The photos among <paramref name="ids"/> as pages and feeds show them, by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, MediaPicture>> PicturesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        (await FindAllAsync(ids, cancellationToken)).Values.Select(MediaPicture.Of).OfType<MediaPicture>().ToDictionary(p => p.Id);

    /// <summary>
    /// Newest first, a page at a time: <paramref name="before"/> is the last item of the previous page. A search
    /// matches caption, credit, alt text and source among the rows the (UploadedAt, Id) index walk meets.
    /// </summary>
    public async Task<IReadOnlyList<MediaItem>> ListAsync(string? query, (DateTimeOffset At, Guid Id)? before, int size, CancellationToken cancellationToken)
    {
        var items = db.MediaItems.AsNoTracking();
        if (before is { } end)
        {
            var at = end.At.ToUniversalTime();
            items = items.Where(m => m.UploadedAt < at || (m.UploadedAt == at && m.Id.CompareTo(end.Id) < 0));
        }

        if (!string.IsNullOrWhiteSpace(query))
        {
            var text = query.Trim().ToLowerInvariant();
            items = items.Where(m => m.SearchText.Contains(text));
        }

        return await items.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id)
            .Take(Math.Clamp(size, 1, MaxPageSize)).ToListAsync(cancellationToken);
    }

    /// <summary>Saves new fields (and a new focal point, with crops made for it) over <paramref name="basedOn"/>.</summary>
    public async Task<MediaSave> SaveAsync(Guid id, int basedOn, MediaFields fields, FocalPoint? focalPoint, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var item = await db.MediaItems.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (item is null)
        {
            return new MediaSave(null, MediaSaveOutcome.NotFound);
        }

        if (item.Version != basedOn)
        {
            return new MediaSave(item, MediaSaveOutcome.Stale, "Someone saved this item since you opened it.");
        }

        var now = time.GetUtcNow();
        var before = JsonSerializer.Serialize(new { item.Caption, item.Credit, item.AltText, item.Rights, item.Source, item.FocusX, item.FocusY });
        var written = new List<string>();
        (FocalPoint, IReadOnlyList<MediaRendition>)? refocus = null;
        if (focalPoint is { } focus && focus != item.FocalPoint)
        {
            var crops = await CropsAsync(item, focus, written, cancellationToken);
            if (crops is null)
            {
                await RemoveAsync(written);
                return new MediaSave(item, MediaSaveOutcome.Failed, "The crops for the new focal point could not be made or stored; nothing was changed.");
            }

            refocus = (focus, crops);
        }

        item.Describe(fields, now, refocus);
        db.AuditLog.Add(new AuditEntry(actor.Id, actor.Name, "media.edit", $"media:{id}", "was " + before, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await RemoveAsync(written);
            db.ChangeTracker.Clear();
            return new MediaSave(await FindAsync(id, cancellationToken), MediaSaveOutcome.Stale, "Someone saved this item while you were saving.");
        }
        catch
        {
            await RemoveAsync(written);
            throw;
        }

        return new MediaSave(item, MediaSaveOutcome.Saved);
    }

    private async Task<IReadOnlyList<MediaRendition>?> CropsAsync(MediaItem item, FocalPoint focus, List<string> written, CancellationToken cancellationToken)
    {
        byte[] original;
        var stored = await store.OpenAsync(MediaPaths.OriginalKey(item.Id), cancellationToken);
        if (stored is null)
        {
            return null;
        }

        await using (stored.Content)
        {
            using var copy = new MemoryStream();
            await stored.Content.CopyToAsync(copy, cancellationToken);
            original = copy.ToArray();
        }

        IReadOnlyList<RenderedFile>? files;
        await slots.Gate.WaitAsync(cancellationToken);
        try
        {
            files = await Task.Run(() => renditions.MakeCrops(original, item.OriginalType, focus, item.CropGeneration + 1), cancellationToken);
        }
        finally
        {
            slots.Gate.Release();
        }

        if (files is null)
        {
            return null;
        }

        try
        {
            foreach (var file in files)
            {
                await PutAsync(MediaPaths.Key(item.Id, file.Rendition.Name), file.Content, written, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Storing new crops of media {Id} failed", item.Id);
            return null;
        }

        return [.. files.Select(f => f.Rendition)];
    }

    private async Task PutAsync(string key, ReadOnlyMemory<byte> content, List<string> written, CancellationToken cancellationToken)
    {
        // Noted before the write: a store that fails half-way may have left something under the key to remove.
        written.Add(key);
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        await store.PutAsync(key, stream, cancellationToken);
    }

    /// <summary>Best effort, and never cancelled: this is the clean-up after a failure.</summary>
    private async Task RemoveAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                await store.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException)
            {
                logger.LogWarning(e, "Could not remove media file {Key} after a failed upload", key);
            }
        }
    }

    private static async Task<bool> CopyBoundedAsync(Stream source, MemoryStream target, long limit, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > limit)
            {
                return false;
            }

            target.Write(chunk, 0, read);
        }

        return true;
    }

    // ENOSPC (28) on Linux and macOS, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.
    private static bool IsDiskFull(Exception e) =>
        e is IOException io && ((io.HResult & 0xFFFF) is 28 or 0x70 or 0x27);
}
