using Bulletin.Core.Tips;
using Bulletin.Tips.Privacy;

namespace Bulletin.Tips;

/// <summary>
/// One tip on its way in: files stream into its folder, sealed, as they arrive, before the text is known (a
/// multipart form or an e-mail gives them in any order). <see cref="TipIntake.CompleteAsync"/> stores the tip;
/// disposing an upload that was not completed deletes whatever it wrote.
/// </summary>
public sealed class TipUpload : IAsyncDisposable
{
    private readonly TipFileStore _files;
    private readonly TipSealer _sealer;
    private readonly TipsOptions _options;
    private readonly List<PendingFile> _pending = [];

    internal TipUpload(Guid tipId, TipFileStore files, TipSealer sealer, TipsOptions options)
    {
        TipId = tipId;
        _files = files;
        _sealer = sealer;
        _options = options;
    }

    public Guid TipId { get; }
    public long TotalBytes { get; private set; }
    public int FileCount => _pending.Count;
    internal IReadOnlyList<PendingFile> Pending => _pending;
    internal bool Completed { get; set; }

    /// <summary>Streams one file in, sealed. Throws <see cref="TipRefusedException"/> past the count or size limit.</summary>
    public async Task AddFileAsync(Stream source, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_pending.Count >= _options.MaxFiles)
        {
            throw new TipRefusedException(TipRefusal.TooManyFiles);
        }

        var id = Guid.NewGuid();
        var path = _files.OriginalPath(TipId, id);
        long length = 0;
        await using (var sealedFile = _files.Create(path))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (TotalBytes + length > _options.MaxTotalBytes)
                {
                    throw new TipRefusedException(TipRefusal.TooLarge);
                }

                sealedFile.Write(buffer.AsSpan(0, read));
            }

            sealedFile.Finish();
        }

        if (length == 0)
        {
            // A file input left empty still sends a part; it is not a file.
            File.Delete(path);
            return;
        }

        TotalBytes += length;
        _pending.Add(new PendingFile(id, _sealer.Seal(TipId, SafeName(name)), length));
    }

    public ValueTask DisposeAsync()
    {
        if (!Completed)
        {
            _files.DeleteTip(TipId);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Only the last part of a name, without control characters, and not too long; it is shown, never used as a path.</summary>
    private static string SafeName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "";
        var clean = new string(last.Where(c => !char.IsControl(c) && c is not ('\u202E' or '\u202D' or '\u200E' or '\u200F')).ToArray()).Trim();
        if (clean.Length > 200)
        {
            clean = clean[..200];
        }

        return clean is "" or "." or ".." ? "file" : clean;
    }

    internal sealed record PendingFile(Guid Id, byte[] SealedName, long Length);
}
