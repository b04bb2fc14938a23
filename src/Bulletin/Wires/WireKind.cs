namespace Bulletin.Wires;

/// <summary>How a wire delivers: files dropped into a folder, or a document polled over HTTP.</summary>
public enum WireKind
{
    Folder,
    Http,
}
