using Bulletin.Site;
using Bulletin.Tips;
using Bulletin.Tips.Channels.Web;
using Bulletin.Tips.Desk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Bulletin.Pages;

/// <summary>
/// Where a tipster enters the receipt to see the tip's status and the desk's replies, and to add more. The receipt
/// travels only in a POST body, never in a URL.
/// </summary>
// No antiforgery token: nothing here rests on a cookie; the receipt itself is the proof, and a forger has not got it.
[IgnoreAntiforgeryToken]
[RequestSizeLimit(100_000)]
[EnableRateLimiting(TipRateLimits.Receipt)]
public sealed class TipReceiptModel(TipDesk desk, PublicPages pages, PageChrome chrome) : PageModel
{
    [BindProperty(Name = "receipt")] public string? ReceiptPhrase { get; set; }
    [BindProperty(Name = "message")] public string? Message { get; set; }

    public Core.Stories.Language Edition { get; private set; } = Core.Stories.Language.Korean;
    public TipsterView? Tip { get; private set; }
    public bool WrongReceipt { get; private set; }
    public bool Added { get; private set; }
    public TipRefusal? Refusal { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await PrepareAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Message))
        {
            try
            {
                Added = await desk.AddFromTipsterAsync(ReceiptPhrase, Message, cancellationToken);
            }
            catch (TipRefusedException e)
            {
                Refusal = e.Reason;
            }
        }

        Tip = await desk.FindByReceiptAsync(ReceiptPhrase, cancellationToken);
        WrongReceipt = Tip is null;
        if (WrongReceipt)
        {
            ReceiptPhrase = null;
        }

        return Page();
    }

    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        var edition = PublicPages.EditionOf(Request);
        chrome.Edition = edition;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        Edition = edition;
        chrome.Title = TipFormText.CheckReceipt[edition];
    }
}
