namespace Bulletin.Newsroom;

/// <summary>
/// Who has which story open in the editor, as last reported by their editor page (on opening it and on every
/// autosave), for two minutes. It only informs: a stale save is refused by the story's version, whatever this says.
/// In memory for one node (<see cref="MemoryEditingPresence"/>), in Redis for several (<see cref="RedisEditingPresence"/>).
/// </summary>
public interface IEditingPresence
{
    Task TouchAsync(Guid storyId, string who, CancellationToken cancellationToken);

    /// <summary>Everyone but <paramref name="me"/> seen editing the story in the last two minutes, by name.</summary>
    Task<IReadOnlyList<string>> OthersAsync(Guid storyId, string me, CancellationToken cancellationToken);
}
