using Bulletin.Core.Tips;
using Bulletin.Core.Text;

namespace Bulletin.Tips.Channels.Web;

/// <summary>The words of the tip pages, shown in the language of the edition the tipster came from.</summary>
public static class TipFormText
{
    public static readonly Phrase Title = new("제보하기", "Send a tip");
    public static readonly Phrase Lead = new(
        "당신의 제보가 뉴스가 됩니다. 보신 것, 겪으신 일을 알려 주세요.",
        "Your report becomes news. Tell us what you saw or what happened to you.");
    public static readonly Phrase Privacy = new(
        "제보 내용과 연락처는 암호화해 보관하며, 접속 주소(IP)나 브라우저 정보는 기록하지 않습니다. 사진의 위치·기기 정보는 기자에게 보이기 전에 지웁니다. 그래도 파일에 이름이나 얼굴이 담겨 있지 않은지 확인해 주세요.",
        "Your tip and contact details are stored encrypted, and we keep no record of your IP address or browser. Location and device data are removed from photos before a reporter sees them. Still, check that your files do not show your name or face.");
    public static readonly Phrase TextLabel = new("제보 내용", "Your tip");
    public static readonly Phrase ContactLabel = new("연락처 (선택)", "How to reach you (optional)");
    public static readonly Phrase MayContact = new("기자가 연락해도 됩니다", "A reporter may contact me");
    public static readonly Phrase MayCredit = new("보도할 때 제 이름을 밝혀도 됩니다", "You may name me when you report it");
    public static readonly Phrase FilesLabel = new("사진·영상·파일 (최대 10개)", "Photos, video or files (up to 10)");
    public static readonly Phrase Send = new("제보 보내기", "Send tip");
    public static readonly Phrase Sent = new("제보가 접수되었습니다. 감사합니다.", "Your tip has been received. Thank you.");
    public static readonly Phrase ReceiptIs = new("영수증 번호", "Your receipt");
    public static readonly Phrase ReceiptOnce = new(
        "이 번호는 지금 한 번만 보여 드립니다. 적어 두세요. 이 번호로 처리 상황과 기자의 답장을 확인하고 내용을 더 보낼 수 있습니다. 다른 사람에게 알리지 마세요.",
        "This is shown only once: write it down. With it you can see how your tip is doing, read our replies and add more. Keep it to yourself.");
    public static readonly Phrase CheckReceipt = new("제보 확인하기", "Check a tip");
    public static readonly Phrase ReceiptLabel = new("영수증 번호", "Receipt");
    public static readonly Phrase Check = new("확인", "Check");
    public static readonly Phrase WrongReceipt = new(
        "그 번호의 제보를 찾을 수 없습니다. 번호를 다시 확인해 주세요.",
        "No tip has that receipt. Please check it and try again.");
    public static readonly Phrase StatusLabel = new("처리 상황", "Status");
    public static readonly Phrase ReceivedLabel = new("접수일", "Received");
    public static readonly Phrase Conversation = new("주고받은 글", "Messages");
    public static readonly Phrase FromDesk = new("보도국", "Newsroom");
    public static readonly Phrase FromYou = new("나", "You");
    public static readonly Phrase AddMore = new("내용 더 보내기", "Add more");
    public static readonly Phrase Added = new("추가 내용을 보냈습니다.", "Your message has been added.");
    public static readonly Phrase HoneypotLabel = new("이 칸은 비워 두세요", "Leave this field empty");

    public static readonly Phrase StatusReceived = new("접수됨", "Received");
    public static readonly Phrase StatusReviewing = new("검토 중", "Being reviewed");
    public static readonly Phrase StatusAssigned = new("취재 중", "A reporter is on it");
    public static readonly Phrase StatusUsed = new("보도됨", "Used in a story");
    public static readonly Phrase StatusNotTakenUp = new("보도하지 않기로 했습니다", "Not taken up");

    public static readonly Phrase RefusedEmpty = new(
        "제보 내용을 적거나 파일을 첨부해 주세요.",
        "Please write something or attach a file.");
    public static readonly Phrase RefusedTextTooLong = new(
        "내용이 너무 깁니다. 나누어 보내 주세요.",
        "The text is too long; please send it in parts.");
    public static readonly Phrase RefusedTooManyFiles = new(
        "파일은 10개까지 보낼 수 있습니다. 제보는 접수되지 않았습니다.",
        "You can send at most 10 files. The tip was not sent.");
    public static readonly Phrase RefusedTooLarge = new(
        "파일이 너무 큽니다. 제보는 접수되지 않았습니다. 파일을 줄여 다시 보내 주세요.",
        "The files are too large. The tip was not sent; please send smaller files.");
    public static readonly Phrase RefusedContainsReceipt = new(
        "메시지에 영수증 번호를 넣지 마세요.",
        "Do not include your receipt in a message.");
    public static readonly Phrase RefusedUnreadable = new(
        "제보를 읽을 수 없습니다. 다시 보내 주세요.",
        "The tip could not be read. Please send it again.");

    /// <summary>What a tipster is told of a tip's status: the desk's own distinctions (spam, declined) stay inside.</summary>
    public static Phrase StatusName(TipStatus status) => status switch
    {
        TipStatus.New => StatusReceived,
        TipStatus.Reviewing => StatusReviewing,
        TipStatus.Assigned => StatusAssigned,
        TipStatus.Used => StatusUsed,
        _ => StatusNotTakenUp,
    };

    public static Phrase Refused(TipRefusal reason) => reason switch
    {
        TipRefusal.Empty => RefusedEmpty,
        TipRefusal.TextTooLong => RefusedTextTooLong,
        TipRefusal.TooManyFiles => RefusedTooManyFiles,
        TipRefusal.TooLarge => RefusedTooLarge,
        TipRefusal.ContainsReceipt => RefusedContainsReceipt,
        _ => RefusedUnreadable,
    };
}
