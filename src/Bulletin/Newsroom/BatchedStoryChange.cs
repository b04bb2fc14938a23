using Bulletin.Core.Stories;

namespace Bulletin.Newsroom;

/// <summary>
/// One change in a batch: the story (tracked, already changed), what was done to it for its history ("import"), who
/// did it, and the outbox kind that tells each node what moved (<see cref="Data.Outbox.OutboxKinds"/>).
/// </summary>
public sealed record BatchedStoryChange(Story Story, string What, StaffActor Actor, string OutboxKind, string? Detail = null);
