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
            Problem = ui.T("이 계정으로 로그인 시도가 너무 많습니다. 1분 뒤에 다시 해 보세요.",
                "Too many sign-in attempts for this account. Try again in a minute.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "60";
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        if (user is null || user.IsDisabled)
        {
            Problem = ui.T("이메일이나 비밀번호가 맞지 않습니다.", "The e-mail or password is wrong.");
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(Code))
            {
                NeedsCode = true;
                Problem = ui.T("인증 앱의 6자리 코드를 입력하세요.", "Enter the 6-digit code from your authenticator app.");
                return Page();
            }

            result = await signIn.TwoFactorAuthenticatorSignInAsync(Code.Replace(" ", "", StringComparison.Ordinal), false, false);
        }

        if (result.IsLockedOut)
        {
            Problem = ui.T("로그인에 여러 번 실패해 이 계정이 잠시 잠겼습니다.", "This account is locked for a while after too many failed sign-ins.");
            return Page();
        }

        if (!result.Succeeded)
        {
            NeedsCode = result.RequiresTwoFactor;
            Problem = ui.T("이메일이나 비밀번호가 맞지 않습니다.", "The e-mail or password is wrong.");
            return Page();
        }

        db.AuditLog.Add(new AuditEntry(user.Id, user.Email!, "user.sign-in", $"user:{user.Email}", null, time.GetUtcNow()));
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/newsroom");
    }
}
