using Bulletin.Core.Tips;

namespace Bulletin.Tips.Desk;

/// <summary>A line in the desk's list of tips: the first words, never the contact details.</summary>
public sealed record TipSummary(Guid Id, TipChannel Channel, TipStatus Status, string Opening, int FileCount,
    DateOnly ReceivedOn, DateOnly LastActivityOn, string? AssignedTo, Guid? DuplicateOfId);
