namespace Bulletin.Media.Storage;

/// <summary>
/// Where the media library's files live: under the data directory by default, or on S3-compatible object storage
/// (Media:Store=S3) so that every node of a fleet reads the same files. Keys are made by Bulletin from ids and
/// rendition names (<see cref="MediaKeys"/>), never from a file name an uploader chose. What is written under a key
/// is never changed: a rendition is made once and served as immutable.
/// </summary>
public interface IMediaStore
{
    /// <summary>Writes the whole object, or nothing: a reader never sees half of it.</summary>
    Task PutAsync(string key, Stream content, CancellationToken cancellationToken);

    /// <summary>The object for reading, or null when nothing is stored under the key.</summary>
    Task<MediaObject?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes the object; removing one that is not there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
