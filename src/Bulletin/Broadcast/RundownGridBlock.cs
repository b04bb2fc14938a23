using Bulletin.Core.Rundowns;

namespace Bulletin.Broadcast;

public sealed record RundownGridBlock(RundownBlock Block, BlockTiming Timing, IReadOnlyList<RundownGridRow> Rows);
