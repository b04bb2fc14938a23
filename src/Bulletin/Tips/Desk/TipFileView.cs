using Bulletin.Core.Text;
using Bulletin.Core.Tips;

namespace Bulletin.Tips.Desk;

/// <summary>
/// A tip file as the desk sees it. <see cref="Label"/> is what the desk UI must show beside it: only a scrubbed copy
/// may ever be published.
/// </summary>
public sealed record TipFileView(Guid Id, string Name, string ContentType, long Length, TipAttachmentState State, bool HadMetadata)
{
    public Phrase Label => State switch
    {
        TipAttachmentState.Scrubbed when HadMetadata => ScrubbedHadMetadata,
        TipAttachmentState.Scrubbed => Scrubbed,
        TipAttachmentState.Rejected => Unreadable,
        _ => Unscrubbed,
    };

    public static readonly Phrase ScrubbedHadMetadata = new(
        "정리됨: 이 파일에 위치·기기 정보가 있었습니다",
        "scrubbed: this file contained location/device metadata");
    public static readonly Phrase Scrubbed = new("정리됨", "scrubbed");
    public static readonly Phrase Unreadable = new(
        "읽을 수 없음: 원본은 암호화해 보관, 게재 금지",
        "could not be read: original kept encrypted, do not publish");
    public static readonly Phrase Unscrubbed = new("정리 안 됨: 게재 금지", "unscrubbed: do not publish");
}
