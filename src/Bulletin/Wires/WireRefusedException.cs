namespace Bulletin.Wires;

/// <summary>A wire answered, but not with something to read (an error status, too much, a missing folder).</summary>
public sealed class WireRefusedException : Exception
{
    public WireRefusedException()
    {
    }

    public WireRefusedException(string message)
        : base(message)
    {
    }

    public WireRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
