using Bulletin.Core.Tips;

namespace Bulletin.Tips.Privacy;

/// <summary>What scrubbing made of a file: its detected type, whether staff get a clean copy, whether it carried metadata.</summary>
public sealed record ScrubOutcome(string ContentType, TipAttachmentState State, bool HadMetadata);
