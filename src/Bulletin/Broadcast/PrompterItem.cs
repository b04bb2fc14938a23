using Bulletin.Broadcast.Mos;

namespace Bulletin.Broadcast;

/// <summary>One item on the prompter: its page and slug as a header, then what is read aloud and the cues between.</summary>
public sealed record PrompterItem(Guid ItemId, Guid? StoryId, string Page, string Slug, bool OnAir, bool Next, IReadOnlyList<MosParagraph> Lines);
