using Bulletin.Core.Text;

namespace Bulletin.Tips.Channels.Email;

/// <summary>
/// The words of the e-mails the desk sends tipsters. A tip by e-mail says nothing of its sender's language, so a
/// subject carries both: "Re: your tip / 제보에 대한 답장".
/// </summary>
public static class MailText
{
    public static readonly Phrase ReplySubject = new("제보에 대한 답장", "Re: your tip");

    public static string Both(Phrase phrase) => $"{phrase.English} / {phrase.Korean}";
}
