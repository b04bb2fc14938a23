namespace Bulletin.Tips;

public sealed class TipRefusedException(TipRefusal reason) : Exception($"The tip was refused: {reason}.")
{
    public TipRefusal Reason { get; } = reason;
}
