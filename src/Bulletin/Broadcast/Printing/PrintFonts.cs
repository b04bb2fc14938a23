using Bulletin.Areas.Newsroom;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Bulletin.Broadcast.Printing;

/// <summary>
/// The Hangul fonts for PDFs. PDFsharp asks one process-wide resolver for font bytes; ours takes the family name
/// to be the font file's path, so each host (and each test server in one process) can print with its own files
/// without sharing any setting. PDFsharp embeds only the glyphs a document uses.
/// </summary>
public sealed class PrintFonts
{
    // Where Debian's and Ubuntu's fonts-nanum put them; other systems name the files in Print:FontFile.
    private static readonly string[] RegularCandidates = ["/usr/share/fonts/truetype/nanum/NanumGothic.ttf"];
    private static readonly string[] BoldCandidates = ["/usr/share/fonts/truetype/nanum/NanumGothicBold.ttf"];

    private readonly PrintOptions _options;

    static PrintFonts()
    {
        GlobalFontSettings.FontResolver = new FileFontResolver();
    }

    public PrintFonts(IOptions<PrintOptions> options) => _options = options.Value;

    /// <summary>The regular and bold faces at a size; refuses, saying what to install, when there is no Hangul font.</summary>
    public (XFont Regular, XFont Bold) At(double size)
    {
        var regular = Locate(_options.FontFile, RegularCandidates)
            ?? throw new PdfUnavailableException(RundownText.NoHangulFont);
        // Without a bold file the regular face stands in: a plainer page, still every glyph.
        var bold = Locate(_options.BoldFontFile, BoldCandidates) ?? regular;
        var encoding = new XPdfFontOptions(PdfFontEncoding.Unicode);
        try
        {
            return (new XFont(regular, size, XFontStyleEx.Regular, encoding), new XFont(bold, size, XFontStyleEx.Regular, encoding));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            throw new PdfUnavailableException(RundownText.FontUnreadable.With(regular), e);
        }
    }

    private static string? Locate(string? configured, string[] candidates)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new PdfUnavailableException(RundownText.FontUnreadable.With(configured));
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    private sealed class FileFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            File.Exists(familyName) ? new FontResolverInfo(familyName) : null;

        public byte[]? GetFont(string faceName) => File.ReadAllBytes(faceName);
    }
}
