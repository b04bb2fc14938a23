using Bulletin.Core.Text;

namespace Bulletin.Core.Media;

/// <summary>What the newsroom and the site say about media, in both languages.</summary>
public static class MediaText
{
    public static readonly Phrase NeedsAltText = new(
        "대체 텍스트가 없는 사진이 있어 출고할 수 없습니다: {0}. 사진이 무엇을 보여 주는지 미디어 보관함에서 적어 주세요.",
        "The story uses a photo with no alt text, so it cannot go out: {0}. Say what the photo shows in the media library first.");

    public static readonly Phrase MissingItem = new(
        "미디어 보관함에 없는 항목을 쓰고 있어 출고할 수 없습니다: {0}.",
        "The story uses an item that is not in the media library, so it cannot go out: {0}.");

    public static readonly Phrase Photo = new("사진", "Photo");
}
