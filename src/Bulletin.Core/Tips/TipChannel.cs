namespace Bulletin.Core.Tips;

/// <summary>How a reader's tip reached the desk.</summary>
public enum TipChannel
{
    Web,
    Email,
    Kakao,
    Phone,
}
