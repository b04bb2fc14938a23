using Bulletin.Core.Tips;

namespace Bulletin.Tips.Desk;

/// <summary>
/// A tip opened for the desk: its text and contact details unsealed, in memory only. <see cref="Version"/> goes back
/// with each action, so an action based on what another desk member has since changed is refused as stale.
/// </summary>
public sealed record TipView(
    Guid Id,
    TipChannel Channel,
    TipStatus Status,
    string Text,
    string? Contact,
    bool MayContact,
    bool MayCredit,
    DateOnly ReceivedOn,
    DateOnly LastActivityOn,
    string? AssignedTo,
    Guid? StoryId,
    Guid? DuplicateOfId,
    IReadOnlyList<TipFileView> Files,
    IReadOnlyList<TipMessageView> Messages,
    int Version);
