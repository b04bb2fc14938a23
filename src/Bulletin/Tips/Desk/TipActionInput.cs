namespace Bulletin.Tips.Desk;

/// <summary>What a desk action may need besides the tip: each action reads the fields it needs and ignores the rest.</summary>
public sealed record TipActionInput(string? Assignee = null, Guid? StoryId = null, string? Text = null, Guid? DuplicateId = null)
{
    public const string WhatEachNeeds =
        "assign takes {\"assignee\"}, used and link take {\"storyId\"}, notes and replies take {\"text\"}, merge takes {\"duplicateId\"} (another tip).";
}
