using Bulletin.Core.Stories;

namespace Bulletin.Publishing;

/// <summary>What became of one imported story: stored new, updated, or found unchanged.</summary>
public sealed record ImportedStory(Story Story, bool Created, bool Changed);
