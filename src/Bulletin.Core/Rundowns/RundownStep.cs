namespace Bulletin.Core.Rundowns;

/// <summary>One row of the rundown's workflow table: from a state, an action leads to a state, for these roles.</summary>
public sealed record RundownStep(RundownStatus From, RundownAction Action, RundownStatus To, IReadOnlySet<string> Roles);
