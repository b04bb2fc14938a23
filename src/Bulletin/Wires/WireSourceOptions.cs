using Bulletin.Ingest;

namespace Bulletin.Wires;

/// <summary>One wire (Wires:Sources:N): where its stories come from, how often to look, and how far to trust it.</summary>
public sealed class WireSourceOptions
{
    /// <summary>What Bulletin calls the wire: the Incoming queue's source, and the source of the stories made from it.</summary>
    public string Name { get; set; } = "";

    public WireKind Kind { get; set; } = WireKind.Folder;

    /// <summary>The folder watched (Kind folder).</summary>
    public string? Path { get; set; }

    /// <summary>The document polled (Kind http).</summary>
    public string? Url { get; set; }

    /// <summary>auto, page, ninjs, newsml, feed or wxr; auto tells each file or response from its contents.</summary>
    public string Format { get; set; } = "auto";

    /// <summary>Seconds between looks; after failures in a row the wait doubles, up to <see cref="WiresOptions.MaxBackoffSeconds"/>.</summary>
    public int Interval { get; set; } = 60;

    /// <summary>The slug of the section its stories go into; none: the section the item names, if the site has it.</summary>
    public string? Section { get; set; }

    /// <summary>
    /// A trusted wire: each item is stored and published as it arrives (through the same path as `bulletin import
    /// --publish`) rather than waiting in the queue for an editor.
    /// </summary>
    public bool Publish { get; set; }

    public IngestFormat ParsedFormat => IngestFormats.TryParse(Format, out var format) ? format : IngestFormat.Auto;
}
