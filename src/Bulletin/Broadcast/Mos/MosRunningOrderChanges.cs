namespace Bulletin.Broadcast.Mos;

/// <summary>
/// The messages that take a device's copy of a running order from one version to the next, in the order they
/// must be sent: the header, deletions, then inserts and moves walking the new order from the top (or one SWAP when
/// two stories only exchanged places), replaced stories, the items (studio objects) of stories otherwise unchanged,
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
        if (Swapped(current, after.Stories.Select(s => s.Id).ToList()) is var (first, second))
        {
            commands.Add(MosMessages.SwapStories(after.Id, first, second));
        }
        else
        {
            Walk(current, after.Stories, s => s.Id,
                (beforeId, story) => commands.Add(MosMessages.InsertStories(after.Id, beforeId, [story])),
                (beforeId, id) => commands.Add(MosMessages.MoveStories(after.Id, beforeId, [id])));
        }

        var old = before.Stories.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var story in after.Stories)
        {
            if (!old.TryGetValue(story.Id, out var was))
            {
                continue;
            }

            if (!was.SameOutline(story))
            {
                // The whole story goes again, its items with it.
                commands.Add(MosMessages.ReplaceStory(after.Id, story));
            }
            else if (!was.Items.SequenceEqual(story.Items))
            {
                commands.AddRange(ItemChanges(after.Id, was, story));
            }
        }

        foreach (var story in after.Stories)
        {
            var was = old.GetValueOrDefault(story.Id);
            // The story body carries the items (storyItem) as well as the script.
            if (story.Body.Count > 0 && (was is null || !was.Body.SequenceEqual(story.Body) || !was.Items.SequenceEqual(story.Items)))
            {
                commands.Add(MosMessages.RoStorySend(after.Id, story));
            }
        }

        return commands;
    }

    /// <summary>
    /// The two stories that exchanged places, when that is all that happened to the order: the same stories, and
    /// exactly two places where they differ, each holding the other's. Null otherwise.
    /// </summary>
    public static (string First, string Second)? Swapped(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (before.Count != after.Count)
        {
            return null;
        }

        var differ = new List<int>(2);
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i] != after[i])
            {
                differ.Add(i);
                if (differ.Count > 2)
                {
                    return null;
                }
            }
        }

        return differ is [var a, var b] && before[a] == after[b] && before[b] == after[a] ? (before[a], before[b]) : null;
    }

    /// <summary>A story's items deleted, inserted and moved as its order changed, then those whose fields changed replaced.</summary>
    private static List<MosCommand> ItemChanges(string runningOrderId, MosStory was, MosStory story)
    {
        var commands = new List<MosCommand>();
        var wanted = story.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var gone = was.Items.Where(i => !wanted.Contains(i.Id)).Select(i => i.Id).ToList();
        if (gone.Count > 0)
        {
            commands.Add(MosMessages.DeleteItems(runningOrderId, story.Id, gone));
        }

        var current = was.Items.Where(i => wanted.Contains(i.Id)).Select(i => i.Id).ToList();
        Walk(current, story.Items, i => i.Id,
            (beforeId, item) => commands.Add(MosMessages.InsertItems(runningOrderId, story.Id, beforeId, [item])),
            (beforeId, id) => commands.Add(MosMessages.MoveItems(runningOrderId, story.Id, beforeId, [id])));

        var old = was.Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var item in story.Items.Where(i => old.TryGetValue(i.Id, out var before) && before != i))
        {
            commands.Add(MosMessages.ReplaceItem(runningOrderId, story.Id, item));
        }

        return commands;
    }

    /// <summary>
    /// Walks the new order from the top over what the device holds (<paramref name="current"/>, without what was
    /// deleted): an element out of place is moved before the one now there, a new one inserted there (null: at the end).
    /// </summary>
    private static void Walk<T>(List<string> current, IReadOnlyList<T> after, Func<T, string> idOf,
        Action<string?, T> insert, Action<string?, string> move)
    {
        for (var i = 0; i < after.Count; i++)
        {
            var id = idOf(after[i]);
            if (i < current.Count && current[i] == id)
            {
                continue;
            }

            var beforeId = i < current.Count ? current[i] : null;
            var at = current.IndexOf(id);
            if (at >= 0)
            {
                move(beforeId, id);
                current.RemoveAt(at);
            }
            else
            {
                insert(beforeId, after[i]);
            }

            current.Insert(i, id);
        }
    }
}
