namespace Bulletin.Tips;

/// <summary>Why a tip, or part of it, was not taken. Each has a message for the tipster in both languages.</summary>
public enum TipRefusal
{
    Empty,
    TextTooLong,
    TooManyFiles,
    TooLarge,
    ContainsReceipt,
    Malformed,
}
