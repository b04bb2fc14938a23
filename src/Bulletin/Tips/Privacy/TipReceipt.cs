namespace Bulletin.Tips.Privacy;

/// <summary>A stored tip's id and its receipt phrase, which exists only in this object and on the tipster's screen.</summary>
public sealed record TipReceipt(Guid TipId, string Phrase);
