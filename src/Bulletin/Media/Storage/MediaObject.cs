namespace Bulletin.Media.Storage;

/// <summary>A stored file opened for reading, with its length in bytes; the reader disposes the stream.</summary>
public sealed record MediaObject(Stream Content, long Length);
