namespace Bulletin.Core.Tips;

/// <summary>One message in the conversation between the tipster and the desk, sealed at rest.</summary>
public sealed class TipMessage
{
    private TipMessage()
    {
        SealedBody = [];
    }

    public TipMessage(Guid id, TipMessageAuthor author, string? staff, byte[] sealedBody, DateOnly sentOn)
    {
        Id = id;
        Author = author;
        Staff = staff;
        SealedBody = sealedBody;
        SentOn = sentOn;
    }

    public Guid Id { get; private set; }
    public Guid TipId { get; private set; }
    public TipMessageAuthor Author { get; private set; }

    /// <summary>The staff member who wrote a desk reply or note; empty for the tipster's own words.</summary>
    public string? Staff { get; private set; }

    public byte[] SealedBody { get; private set; }

    /// <summary>The day only: the exact time a tipster wrote is metadata that can identify them.</summary>
    public DateOnly SentOn { get; private set; }
}
