using Bulletin.Core.Stories;
using Bulletin.Core.Tips;

namespace Bulletin.Tips.Channels.Web;

/// <summary>The words of the tip pages, in each edition's language.</summary>
public sealed record TipFormText(Language Edition)
{
    private bool Korean => Edition == Language.Korean;

    public string Title => Korean ? "제보하기" : "Send a tip";
    public string Lead => Korean ? "당신의 제보가 뉴스가 됩니다. 보신 것, 겪으신 일을 알려 주세요." : "Your report becomes news. Tell us what you saw or what happened to you.";
    public string Privacy => Korean
        ? "제보 내용과 연락처는 암호화해 보관하며, 접속 주소(IP)나 브라우저 정보는 기록하지 않습니다. 사진의 위치·기기 정보는 기자에게 보이기 전에 지웁니다. 그래도 파일에 이름이나 얼굴이 담겨 있지 않은지 확인해 주세요."
        : "Your tip and contact details are stored encrypted, and we keep no record of your IP address or browser. Location and device data are removed from photos before a reporter sees them. Still, check that your files do not show your name or face.";
    public string TextLabel => Korean ? "제보 내용" : "Your tip";
    public string ContactLabel => Korean ? "연락처 (선택)" : "How to reach you (optional)";
    public string MayContact => Korean ? "기자가 연락해도 됩니다" : "A reporter may contact me";
    public string MayCredit => Korean ? "보도할 때 제 이름을 밝혀도 됩니다" : "You may name me when you report it";
    public string FilesLabel => Korean ? "사진·영상·파일 (최대 10개)" : "Photos, video or files (up to 10)";
    public string Send => Korean ? "제보 보내기" : "Send tip";
    public string Sent => Korean ? "제보가 접수되었습니다. 감사합니다." : "Your tip has been received. Thank you.";
    public string ReceiptIs => Korean ? "영수증 번호" : "Your receipt";
    public string ReceiptOnce => Korean
        ? "이 번호는 지금 한 번만 보여 드립니다. 적어 두세요. 이 번호로 처리 상황과 기자의 답장을 확인하고 내용을 더 보낼 수 있습니다. 다른 사람에게 알리지 마세요."
        : "This is shown only once: write it down. With it you can see how your tip is doing, read our replies and add more. Keep it to yourself.";
    public string CheckReceipt => Korean ? "제보 확인하기" : "Check a tip";
    public string ReceiptLabel => Korean ? "영수증 번호" : "Receipt";
    public string Check => Korean ? "확인" : "Check";
    public string WrongReceipt => Korean ? "그 번호의 제보를 찾을 수 없습니다. 번호를 다시 확인해 주세요." : "No tip has that receipt. Please check it and try again.";
    public string StatusLabel => Korean ? "처리 상황" : "Status";
    public string ReceivedLabel => Korean ? "접수일" : "Received";
    public string Conversation => Korean ? "주고받은 글" : "Messages";
    public string FromDesk => Korean ? "보도국" : "Newsroom";
    public string FromYou => Korean ? "나" : "You";
    public string AddMore => Korean ? "내용 더 보내기" : "Add more";
    public string Added => Korean ? "추가 내용을 보냈습니다." : "Your message has been added.";
    public string HoneypotLabel => Korean ? "이 칸은 비워 두세요" : "Leave this field empty";

    public string StatusName(TipStatus status) => status switch
    {
        TipStatus.New => Korean ? "접수됨" : "Received",
        TipStatus.Reviewing => Korean ? "검토 중" : "Being reviewed",
        TipStatus.Assigned => Korean ? "취재 중" : "A reporter is on it",
        TipStatus.Used => Korean ? "보도됨" : "Used in a story",
        _ => Korean ? "보도하지 않기로 했습니다" : "Not taken up",
    };

    public string Refused(TipRefusal reason) => reason switch
    {
        TipRefusal.Empty => Korean ? "제보 내용을 적거나 파일을 첨부해 주세요." : "Please write something or attach a file.",
        TipRefusal.TextTooLong => Korean ? "내용이 너무 깁니다. 나누어 보내 주세요." : "The text is too long; please send it in parts.",
        TipRefusal.TooManyFiles => Korean ? "파일은 10개까지 보낼 수 있습니다. 제보는 접수되지 않았습니다." : "You can send at most 10 files. The tip was not sent.",
        TipRefusal.TooLarge => Korean ? "파일이 너무 큽니다. 제보는 접수되지 않았습니다. 파일을 줄여 다시 보내 주세요." : "The files are too large. The tip was not sent; please send smaller files.",
        TipRefusal.ContainsReceipt => Korean ? "메시지에 영수증 번호를 넣지 마세요." : "Do not include your receipt in a message.",
        _ => Korean ? "제보를 읽을 수 없습니다. 다시 보내 주세요." : "The tip could not be read. Please send it again.",
    };
}
