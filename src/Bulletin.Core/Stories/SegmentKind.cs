namespace Bulletin.Core.Stories;

/// <summary>What part of a broadcast script a segment is, and so who reads it on air.</summary>
public enum SegmentKind
{
    /// <summary>The anchor's lead-in, read in the studio.</summary>
    Anchor,

    /// <summary>The reporter's package: voice-over text.</summary>
    Reporter,

    /// <summary>A turn of a host or guest on a talk or interview show.</summary>
    Speaker,

    /// <summary>A recorded quote (SOT) with the speaker's name and title on screen.</summary>
    Soundbite,

    /// <summary>
    /// Plain article text, for stories that were never broadcast scripts (a wire item, a feed entry, a blog post):
    /// read as it stands, with no studio or reporter role.
    /// </summary>
    Article,

    /// <summary>A photo from the media library placed between script segments (its id in MediaId); not read on air.</summary>
    Photo,
}
