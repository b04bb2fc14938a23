namespace Bulletin.Broadcast.Mos;

/// <summary>
/// What the framing found on a socket: a whole <c>&lt;mos&gt;</c> document, or something that is not one (junk, a
/// wrong encoding, a DTD, an oversized message), with the message id when it could still be read from the text.
/// </summary>
public sealed record MosFrame(string? Xml, string? Problem, string? MessageIdHint)
{
    public static MosFrame Message(string xml) => new(xml, null, null);

    public static MosFrame Refused(string problem, string? messageIdHint = null) => new(null, problem, messageIdHint);
}
