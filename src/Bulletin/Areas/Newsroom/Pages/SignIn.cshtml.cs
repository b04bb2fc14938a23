using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Staff;
using Bulletin.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Bulletin.Areas.Newsroom.Pages;

[EnableRateLimiting(StaffAccounts.SignInRateLimit)]
public sealed class SignInModel(
    SignInManager<StaffUser> signIn, SignInThrottle throttle, BulletinDbContext db, TimeProvider time, NewsroomUi ui) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string? Problem { get; private set; }
    public bool NeedsCode { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!throttle.TryAttempt(Email))
        {
            Problem = ui.T(NewsroomText.TooManySignInAttempts);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "60";
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        if (user is null || user.IsDisabled)
        {
            Problem = ui.T(NewsroomText.WrongEmailOrPassword);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(Code))
            {
                NeedsCode = true;
                Problem = ui.T(NewsroomText.CodeNeeded);
                return Page();
            }

            result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal), false, false);
        }

        if (result.IsLockedOut)
        {
            Problem = ui.T(NewsroomText.AccountLocked);
            return Page();
        }

        if (!result.Succeeded)
        {
            NeedsCode = result.RequiresTwoFactor;
            Problem = ui.T(NewsroomText.WrongEmailOrPassword);
            return Page();
        }

        db.AuditLog.Add(new AuditEntry(user.Id, user.Email!, "user.sign-in", $"user:{user.Email}", null, time.GetUtcNow()));
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/newsroom");
    }
}
