using Bulletin.Site;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

/// <summary>The page shown for any 404, in the edition of the address that was asked for.</summary>
public sealed class NotFoundModel(PublicPages pages, PageChrome chrome) : PageModel
{
    public UiText Text => chrome.Text;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        chrome.Edition = original?.StartsWith("/en", StringComparison.OrdinalIgnoreCase) == true
            ? Core.Stories.Language.English
            : Core.Stories.Language.Korean;
        chrome.Sections = await pages.SectionsAsync(cancellationToken);
        chrome.Title = chrome.Text.NotFoundTitle;
        Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
