using Bulletin.Core.Tips;

namespace Bulletin.Tips;

/// <summary>What a tipster said, as any channel hands it to <see cref="TipIntake"/>.</summary>
public sealed record TipSubmission(TipChannel Channel, string Text)
{
    public string? Contact { get; init; }
    public bool MayContact { get; init; }
    public bool MayCredit { get; init; }

    /// <summary>The channel's own id for this message (an e-mail's Message-ID), hashed before it is stored.</summary>
    public string? SourceId { get; init; }

    /// <summary>The channel's id for the sender (a Kakao user key), hashed before it is stored.</summary>
    public string? SenderId { get; init; }
}
