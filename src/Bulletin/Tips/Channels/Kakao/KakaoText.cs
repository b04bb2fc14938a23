using Bulletin.Core.Stories;
using Bulletin.Core.Text;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// What the KakaoTalk channel answers. The channel speaks Korean (a skill request says nothing of the user's
/// language), so answers use <see cref="Speaks"/>; a refused request says both, as it may reach a developer.
/// </summary>
public static class KakaoText
{
    public const Language Speaks = Language.Korean;

    public static readonly Phrase Cancelled = new("제보를 취소했습니다. 언제든 다시 보내 주세요.", "Your tip was cancelled. Send one whenever you like.");
    public static readonly Phrase NothingToSend = new(
        "먼저 제보 내용을 적어 주세요. 사진도 함께 보낼 수 있습니다.",
        "First write what you want to tell us. You can send photos too.");
    public static readonly Phrase Received = new(
        "제보가 접수되었습니다. 감사합니다.\n\n영수증 번호: {0}\n\n이 번호는 다시 보여 드릴 수 없습니다. 적어 두었다가 누리집의 제보 확인 페이지({1})에서 처리 상황과 답장을 확인하세요.",
        "Your tip has been received. Thank you.\n\nYour receipt: {0}\n\nIt cannot be shown again: write it down, and see how your tip is doing and read our replies on the site's tip page ({1}).");
    public static readonly Phrase PhotosReceived = new("사진 {0}장을 받았습니다. ", "{0} photos received. ");
    public static readonly Phrase SomePhotosReceived = new(
        "사진 {0}장 중 {1}장만 받았습니다. 나머지는 다시 보내 주세요. ",
        "Only {1} of {0} photos were received; please send the others again. ");
    public static readonly Phrase WriteMoreOrSend = new(
        "내용을 더 적거나 사진을 보낼 수 있습니다. 다 되었으면 '보내기'를 눌러 주세요.",
        "You can write more or send photos. When you are done, press 'Send'.");
    public static readonly Phrase Send = new("보내기", "Send");
    public static readonly Phrase Cancel = new("취소", "Cancel");
    public static readonly Phrase TooLong = new("메시지가 너무 깁니다. 나누어 보내 주세요.", "The message is too long.");
    public static readonly Phrase Unprocessable = new("메시지를 처리할 수 없습니다.", "The message could not be processed.");
    public static readonly Phrase DraftFull = new(
        "한 번에 보낼 수 있는 제보 내용이 다 찼습니다. '보내기'를 눌러 지금까지 적은 내용을 보내 주세요.",
        "This tip cannot take more text. Press 'Send' to send what you have written so far.");

    /// <summary>{0} the minutes to wait.</summary>
    public static readonly Phrase TooManyTips = new(
        "짧은 시간에 제보를 너무 많이 보내셨습니다. 적은 내용은 그대로 있으니 {0}분 뒤에 다시 '보내기'를 눌러 주세요.",
        "You have sent a lot of tips in a short time. What you wrote is kept: press 'Send' again in {0} minutes.");
    public static readonly Phrase Busy = new(
        "지금은 카카오톡 제보가 많아 받을 수 없습니다. 잠시 뒤 다시 보내 주시거나 누리집 제보 페이지를 이용해 주세요.",
        "KakaoTalk tips are too many to take just now. Try again shortly, or use the tip page on the site.");

    /// <summary>A refusal in both languages, Korean first: "메시지를 처리할 수 없습니다. (The message could not be processed.)".</summary>
    public static string Both(Phrase phrase) => $"{phrase.Korean} ({phrase.English})";
}
