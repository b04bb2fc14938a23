using System.Text;
using Bulletin.Core.Tips;
using Bulletin.Site;
using Bulletin.Tips;
using Bulletin.Tips.Channels.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Bulletin.Pages;

/// <summary>
/// The public tip form. The POST is read by hand, section by section, so files stream straight into sealed storage
/// and are never buffered whole, in memory or in a plaintext temporary file.
/// </summary>
// No antiforgery token: the form carries no cookie or session to forge a request with, and the check would read
// (buffer) the whole multipart body before this handler could stream it.
[IgnoreAntiforgeryToken]
[EnableRateLimiting(TipRateLimits.Submit)]
public sealed class TipFormModel(TipIntake intake, PublicPages pages, PageChrome chrome, IOptions<TipsOptions> options) : PageModel
{
    /// <summary>
    /// The honeypot: a field people never see (hidden by the stylesheet, skipped by screen readers) and simple bots
    /// fill in. A tip that fills it is refused, with no receipt.
    /// </summary>
    public const string HoneypotField = "website";

    public Core.Stories.Language Edition { get; private set; } = Core.Stories.Language.Korean;
    public string? Receipt { get; private set; }
    public TipRefusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await PrepareAsync(cancellationToken);

    // No parameters: binding any would make MVC read (buffer) the form before this handler runs.
    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        await PrepareAsync(cancellationToken);
        var limits = options.Value;
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limits.MaxTotalBytes + (1024 * 1024);
        }

        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return Refuse(TipRefusal.Malformed, StatusCodes.Status400BadRequest);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var upload = intake.Begin();
        try
        {
            var reader = new MultipartReader(boundary, Request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 8 * 1024 };
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                var disposition = section.GetContentDispositionHeader();
                if (disposition is null)
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : disposition.FileName.Value;
                    await upload.AddFileAsync(section.Body, name, cancellationToken);
                }
                else if (disposition.IsFormDisposition() && disposition.Name.Value is { } field && fields.Count < 16)
                {
                    fields[field] = await ReadFieldAsync(section.Body, limits.MaxTextLength);
                }
            }
        }
        catch (TipRefusedException e)
        {
            return Refuse(e.Reason, e.Reason == TipRefusal.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Refuse(TipRefusal.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException)
        {
            return Refuse(TipRefusal.Malformed, StatusCodes.Status400BadRequest);
        }

        if (!string.IsNullOrEmpty(fields.GetValueOrDefault(HoneypotField)))
        {
            return Refuse(TipRefusal.Malformed, StatusCodes.Status403Forbidden);
        }

        try
        {
            var receipt = await intake.CompleteAsync(upload, new TipSubmission(TipChannel.Web, fields.GetValueOrDefault("text") ?? "")
            {
                Contact = fields.GetValueOrDefault("contact") is { Length: > 0 and <= 500 } contact ? contact : null,
                MayContact = fields.GetValueOrDefault("may_contact") == "yes",
                MayCredit = fields.GetValueOrDefault("may_credit") == "yes",
            }, cancellationToken);
            Receipt = receipt.Phrase;
            return Page();
        }
        catch (TipRefusedException e)
        {
            return Refuse(e.Reason, StatusCodes.Status400BadRequest);
        }
    }

    private PageResult Refuse(TipRefusal reason, int status)
    {
        Refusal = reason;
        Response.StatusCode = status;
        return Page();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var edition = PublicPages.EditionOf(Request);
        chrome.Edition = edition;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        Edition = edition;
        chrome.Title = TipFormText.Title[edition];
    }

    private static async Task<string> ReadFieldAsync(Stream body, int maxChars)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var buffer = new char[maxChars + 1];
        var total = 0;
        int read;
        while (total <= maxChars && (read = await reader.ReadAsync(buffer.AsMemory(total, buffer.Length - total))) > 0)
        {
            total += read;
        }

        return total > maxChars ? throw new TipRefusedException(TipRefusal.TextTooLong) : new string(buffer, 0, total);
    }
}
