using Bulletin.Core.Text;

namespace Bulletin.Tips.Desk;

/// <summary>What a desk action may need besides the tip: each action reads the fields it needs and ignores the rest.</summary>
public sealed record TipActionInput(string? Assignee = null, Guid? StoryId = null, string? Text = null, Guid? DuplicateId = null)
{
    /// <summary>Not for <see cref="Phrase.With"/>: the braces are JSON, not placeholders.</summary>
    public static readonly Phrase WhatEachNeeds = new(
        "assign에는 {\"assignee\"}, used와 link에는 {\"storyId\"}, notes와 replies에는 {\"text\"}, merge에는 {\"duplicateId\"}(다른 제보)가 필요합니다.",
        "assign takes {\"assignee\"}, used and link take {\"storyId\"}, notes and replies take {\"text\"}, merge takes {\"duplicateId\"} (another tip).");
}
