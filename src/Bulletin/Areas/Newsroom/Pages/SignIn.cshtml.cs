using Bulletin.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Bulletin.Areas.Newsroom.Pages;

[EnableRateLimiting(StaffAccounts.SignInRateLimit)]
public sealed class SignInModel(StaffSignIn signIn, NewsroomUi ui) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }
    public bool NeedsCode { get; private set; }

    public Task OnGetAsync() => signIn.EndPresentSessionAsync(HttpContext);

    /// <summary>
    /// Where to go once signed in: a path of this site, percent-encoded, so that a return address with characters a
    /// header cannot carry (a crafted link's "/〱host") is a page of ours, not a server error; anything else goes to
    /// the newsroom's front page.
    /// </summary>
    private string ReturnPath() =>
        Url.IsLocalUrl(ReturnUrl) && Uri.TryCreate(SiteBase, ReturnUrl, out var target) && target.Authority == SiteBase.Authority
            ? target.PathAndQuery
            : "/newsroom";

    private static readonly Uri SiteBase = new("http://bulletin.invalid");

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await signIn.SignInAsync(HttpContext, Email, Password, Code))
        {
            case StaffSignInResult.SignedIn:
                return LocalRedirect(ReturnPath());
            case StaffSignInResult.NeedsCode:
                NeedsCode = true;
                Problem = ui.T(string.IsNullOrWhiteSpace(Code) ? NewsroomText.CodeNeeded : NewsroomText.WrongCode);
                return Page();
            case StaffSignInResult.Throttled:
                Problem = ui.T(NewsroomText.TooManySignInAttempts);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = "60";
                return Page();
            default:
                Problem = ui.T(NewsroomText.WrongEmailOrPassword);
                return Page();
        }
    }
}
