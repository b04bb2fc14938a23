using Bulletin.Hosting;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// Tip files on disk, all sealed: media/tips/{tip}/{attachment}.original and .staff (the scrubbed copy). Paths are
/// built from ids only; a name a tipster chose never reaches the file system.
/// </summary>
public sealed class TipFileStore(DataDirectory dataDirectory, TipKeys keys)
{
    public string Root { get; } = dataDirectory.Combine(Path.Combine("media", "tips"));

    public string Folder(Guid tipId) => Path.Combine(Root, tipId.ToString("N"));

    public string OriginalPath(Guid tipId, Guid attachmentId) => Path.Combine(Folder(tipId), attachmentId.ToString("N") + ".original");

    public string StaffCopyPath(Guid tipId, Guid attachmentId) => Path.Combine(Folder(tipId), attachmentId.ToString("N") + ".staff");

    internal SealedFileWriter Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        return new SealedFileWriter(file, keys.File);
    }

    public Stream Open(string path) =>
        new SealedFileReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024), keys.File);

    /// <summary>
    /// Gives every file of a tip the same day-only time, so the file system does not keep the minute each one came.
    /// </summary>
    public void NormaliseTimes(Guid tipId, DateOnly day)
    {
        var folder = Folder(tipId);
        if (!Directory.Exists(folder))
        {
            return;
        }

        var time = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.SetLastWriteTimeUtc(file, time);
            File.SetLastAccessTimeUtc(file, time);
        }
    }

    /// <summary>Removes a tip's files. They are encrypted, so deleting them leaves nothing readable behind.</summary>
    public void DeleteTip(Guid tipId)
    {
        var folder = Folder(tipId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Folders of tips that no database row refers to, left by a crash during an upload.</summary>
    public IEnumerable<(Guid TipId, DateTime CreatedUtc)> Folders()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (Guid.TryParseExact(Path.GetFileName(folder), "N", out var id))
            {
                yield return (id, Directory.GetCreationTimeUtc(folder));
            }
        }
    }
}
