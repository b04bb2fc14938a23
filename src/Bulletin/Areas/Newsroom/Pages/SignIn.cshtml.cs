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

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await signIn.SignInAsync(HttpContext, Email, Password, Code))
        {
            case StaffSignInResult.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/newsroom");
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
