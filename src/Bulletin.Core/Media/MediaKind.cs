namespace Bulletin.Core.Media;

/// <summary>What a media library item holds.</summary>
public enum MediaKind
{
    Photo,
    Video,
}
