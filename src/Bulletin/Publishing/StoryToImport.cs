using Bulletin.Core.Stories;

namespace Bulletin.Publishing;

/// <summary>A story read from outside, with the source and id that make a second import update it.</summary>
public sealed record StoryToImport(string Source, string ExternalId, StoryContent Content);
