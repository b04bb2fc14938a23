using Bulletin.Core.Text;

namespace Bulletin.Broadcast.Printing;

/// <summary>A PDF that cannot be made on this server (no Hangul font); the reason is for the person who asked.</summary>
public sealed class PdfUnavailableException : Exception
{
    public PdfUnavailableException()
        : this(new Phrase("PDF를 만들 수 없습니다.", "The PDF cannot be made."))
    {
    }

    public PdfUnavailableException(string message)
        : this(new Phrase(message, message))
    {
    }

    public PdfUnavailableException(string message, Exception innerException)
        : base(message, innerException) => Reason = new Phrase(message, message);

    public PdfUnavailableException(Phrase reason, Exception? innerException = null)
        : base(reason.English, innerException) => Reason = reason;

    public Phrase Reason { get; }
}
