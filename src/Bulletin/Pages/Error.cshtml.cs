using Bulletin.Core.Stories;
using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

/// <summary>Shown for an unexpected failure: no details of it reach the reader; the log has them.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(PageChrome chrome) : PageModel
{
    public Language Edition => chrome.Edition;

    public void OnGet()
    {
        chrome.Edition = PublicPages.EditionOf(Request);
        chrome.Title = SiteText.ErrorTitle[chrome.Edition];
        Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
