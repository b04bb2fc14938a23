namespace Bulletin.Core.Rundowns;

/// <summary>
/// What came of asking a rundown to change: done, or refused with a reason a producer can read. A refusal is an
/// everyday answer (the show is locked, the item is gone), so it is a value rather than an exception.
/// </summary>
public sealed record RundownResult(bool Succeeded, string? Refusal)
{
    public static readonly RundownResult Ok = new(true, null);

    public static RundownResult Refused(string reason) => new(false, reason);
}
