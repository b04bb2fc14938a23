using Bulletin.Core.Stories;
using Bulletin.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

/// <summary>The page shown for any 404, in the edition of the address that was asked for.</summary>
public sealed class NotFoundModel(PublicPages pages, PageChrome chrome) : PageModel
{
    public Language Edition => chrome.Edition;

    /// <summary>The story was killed: the address answers 410 Gone, so search engines drop it.</summary>
    public bool IsGone { get; private set; }

    /// <summary>The status the page answers with: the original one (404, 410, 429...), never turned into another.</summary>
    public int Status { get; private set; } = StatusCodes.Status404NotFound;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var original = reExecuted?.OriginalPath;
        Status = reExecuted?.OriginalStatusCode ?? StatusCodes.Status404NotFound;
        IsGone = Status == StatusCodes.Status410Gone;
        chrome.Edition = original?.StartsWith("/en", StringComparison.OrdinalIgnoreCase) == true
            ? Core.Stories.Language.English
            : Core.Stories.Language.Korean;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        chrome.Title = SiteText.NotFoundTitle[chrome.Edition];
        Response.StatusCode = Status;
    }
}
