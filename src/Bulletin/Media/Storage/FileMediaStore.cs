using Bulletin.Hosting;

namespace Bulletin.Media.Storage;

/// <summary>
/// Media files under the data directory (media/library/...). A file is written beside its final name and renamed
/// into place, so a crash or a full disk mid-write leaves no half file under the key, only a temporary one that
/// the next write of that key replaces.
/// </summary>
public sealed class FileMediaStore(DataDirectory dataDirectory) : IMediaStore
{
    private const string Partial = ".partial";

    public string Root { get; } = dataDirectory.Combine(Path.Combine("media", "library"));

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + Partial;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Task<MediaObject?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var file = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous);
            return Task.FromResult<MediaObject?>(new MediaObject(file, file.Length));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<MediaObject?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    private string PathOf(string key) => Path.Combine(Root, MediaKeys.Check(key).Replace('/', Path.DirectorySeparatorChar));
}
