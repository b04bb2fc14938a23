namespace Bulletin.Ingest;

/// <summary>The outside formats Bulletin reads stories from.</summary>
public enum IngestFormat
{
    /// <summary>Told from the file's contents.</summary>
    Auto,

    /// <summary>A saved broadcast story page, as text.</summary>
    Page,

    /// <summary>IPTC ninjs, 1.x to 3.x.</summary>
    Ninjs,

    /// <summary>IPTC NewsML-G2: a newsItem or a newsMessage.</summary>
    NewsMlG2,

    /// <summary>RSS, Atom or JSON Feed.</summary>
    Feed,

    /// <summary>A WordPress export (WXR).</summary>
    Wxr,
}
