using Bulletin.Core.Tips;

namespace Bulletin.Tips.Desk;

/// <summary>What a tipster sees with their receipt: where the tip stands and what the desk wrote back.</summary>
public sealed record TipsterView(TipStatus Status, DateOnly ReceivedOn, IReadOnlyList<TipMessageView> Conversation)
{
    /// <summary>Spam is not called spam to its sender: it reads as not taken up, like a declined tip.</summary>
    public TipStatus ShownStatus => Status == TipStatus.Spam ? TipStatus.Declined : Status;
}
