using Bulletin.Core.Media;

namespace Bulletin.Media.Renditions;

/// <summary>A rendition made in memory, not yet stored.</summary>
public sealed record RenderedFile(MediaRendition Rendition, byte[] Content);
