namespace Bulletin.Broadcast.Mos;

/// <summary>
/// The messages that take a device's copy of a running order from one version to the next, in the order they
/// must be sent: the header, deletions, then inserts and moves walking the new order from the top, replaced stories,
/// and finally the scripts that changed. A floated story is simply absent from the running order, so floating is a
/// delete and un-floating an insert, as MOS has no float of its own.
/// </summary>
public static class MosRunningOrderChanges
{
    public static IReadOnlyList<MosCommand> Between(MosRunningOrder before, MosRunningOrder after)
    {
        if (before.Id != after.Id)
        {
            throw new ArgumentException("Changes are between two versions of one running order.", nameof(after));
        }

        var commands = new List<MosCommand>();
        if (before.Slug != after.Slug || before.EditorialStart != after.EditorialStart || before.EditorialDuration != after.EditorialDuration)
        {
            commands.Add(MosMessages.RoMetadataReplace(after));
        }

        var wanted = after.Stories.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var gone = before.Stories.Where(s => !wanted.Contains(s.Id)).Select(s => s.Id).ToList();
        if (gone.Count > 0)
        {
            commands.Add(MosMessages.DeleteStories(after.Id, gone));
        }

        var current = before.Stories.Where(s => wanted.Contains(s.Id)).Select(s => s.Id).ToList();
        for (var i = 0; i < after.Stories.Count; i++)
        {
            var story = after.Stories[i];
            if (i < current.Count && current[i] == story.Id)
            {
                continue;
            }

            var beforeId = i < current.Count ? current[i] : null;
            var at = current.IndexOf(story.Id);
            if (at >= 0)
            {
                commands.Add(MosMessages.MoveStories(after.Id, beforeId, [story.Id]));
                current.RemoveAt(at);
            }
            else
            {
                commands.Add(MosMessages.InsertStories(after.Id, beforeId, [story]));
            }

            current.Insert(i, story.Id);
        }

        var old = before.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var story in after.Stories.Where(s => old.TryGetValue(s.Id, out var was) && !was.SameOutline(s)))
        {
            commands.Add(MosMessages.ReplaceStory(after.Id, story));
        }

        foreach (var story in after.Stories)
        {
            var was = old.GetValueOrDefault(story.Id);
            if (story.Body.Count > 0 && (was is null || !was.Body.SequenceEqual(story.Body)))
            {
                commands.Add(MosMessages.RoStorySend(after.Id, story));
            }
        }

        return commands;
    }
}
