namespace Bulletin.Core.Rundowns;

/// <summary>A block's total against its budget; OverUnder is positive when the block runs over.</summary>
public sealed record BlockTiming(Guid BlockId, string Letter, string Name, TimeSpan Budget, TimeSpan Total)
{
    public TimeSpan OverUnder => Total - Budget;
}
