using Bulletin.Core.Stories;
using Bulletin.Data.Wires;

namespace Bulletin.Wires;

/// <summary>What taking an item came to: the story made, or why none was (the item is null when there is none).</summary>
public sealed record IncomingTaken(IncomingItem? Item, Story? Story, string? Refusal);
