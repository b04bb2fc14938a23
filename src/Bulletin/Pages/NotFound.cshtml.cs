using Bulletin.Areas.Newsroom;
using Bulletin.Core.Stories;
using Bulletin.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

/// <summary>The page shown for any 404 (and other empty errors: 410, 429), in the edition of the address that was asked for.</summary>
// A refused post (a throttled tip or sign-in) is shown this page too; it changes nothing, so it needs no token.
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel(PublicPages pages, PageChrome chrome, NewsroomUi newsroomUi) : PageModel
{
    public Language Edition => chrome.Edition;

    /// <summary>The story was killed: the address answers 410 Gone, so search engines drop it.</summary>
    public bool IsGone { get; private set; }

    /// <summary>The status the page answers with: the original one (404, 410, 429...), never turned into another.</summary>
    public int Status { get; private set; } = StatusCodes.Status404NotFound;

    public Task OnPostAsync(CancellationToken cancellationToken) => OnGetAsync(cancellationToken);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var original = reExecuted?.OriginalPath;
        Status = reExecuted?.OriginalStatusCode ?? StatusCodes.Status404NotFound;
        IsGone = Status == StatusCodes.Status410Gone;
        // The newsroom's pages (a throttled sign-in) answer in the language its member of staff chose.
        var english = original?.StartsWith("/newsroom", StringComparison.OrdinalIgnoreCase) == true
            ? newsroomUi.English
            : original?.StartsWith("/en", StringComparison.OrdinalIgnoreCase) == true;
        chrome.Edition = english
            ? Core.Stories.Language.English
            : Core.Stories.Language.Korean;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        chrome.Title = SiteText.NotFoundTitle[chrome.Edition];
        Response.StatusCode = Status;
    }
}
