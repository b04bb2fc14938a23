using Bulletin.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Pages;

/// <summary>Shown for an unexpected failure: no details of it reach the reader; the log has them.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(PageChrome chrome) : PageModel
{
    public UiText Text => chrome.Text;

    public void OnGet()
    {
        chrome.Edition = PublicPages.EditionOf(Request);
        chrome.Title = Text == UiText.Korean ? "일시적인 오류" : "Something went wrong";
        Response.StatusCode = StatusCodes.Status500InternalServerError;
    }
}
