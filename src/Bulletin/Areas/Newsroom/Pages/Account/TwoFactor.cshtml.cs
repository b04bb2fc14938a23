using System.Text.Encodings.Web;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Staff;
using Bulletin.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Account;

/// <summary>
/// Turns the optional second factor (a TOTP authenticator app) on and off for the signed-in member of staff. Making
/// a new key and turning the factor off both ask for the password again: an open session alone must not be enough
/// to take the second factor away from its owner.
/// </summary>
public sealed class TwoFactorModel(
    UserManager<StaffUser> users, StaffDirectory directory, BulletinDbContext db, TimeProvider time, NewsroomUi ui) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }

    public bool Enabled { get; private set; }
    public string? Key { get; private set; }
    public string? AuthenticatorUri { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        Enabled = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await directory.ConfirmPasswordAsync(user, CurrentPassword, cancellationToken))
        {
            return await RefusedAsync(user);
        }

        await users.ResetAuthenticatorKeyAsync(user);
        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(string code)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider,
            (code ?? "").Replace(" ", "", StringComparison.Ordinal));
        if (!valid)
        {
            Message = ui.T(NewsroomText.WrongCode);
            await ShowKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await AuditAsync(user, "user.2fa-on");
        Enabled = true;
        Message = ui.T(NewsroomText.TwoFactorSignInIsOn);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!await directory.ConfirmPasswordAsync(user, CurrentPassword, cancellationToken))
        {
            return await RefusedAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await AuditAsync(user, "user.2fa-off");
        Message = ui.T(NewsroomText.TwoFactorSignInIsOff);
        return Page();
    }

    private async Task<PageResult> RefusedAsync(StaffUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Message = ui.T(NewsroomText.CurrentPasswordWrong);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task ShowKeyAsync(StaffUser user)
    {
        Key = await users.GetAuthenticatorKeyAsync(user);
        AuthenticatorUri = $"otpauth://totp/{UrlEncoder.Default.Encode("Bulletin")}:{UrlEncoder.Default.Encode(user.Email!)}?secret={Key}&issuer=Bulletin&digits=6";
    }

    private async Task AuditAsync(StaffUser user, string action)
    {
        db.AuditLog.Add(new AuditEntry(user.Id, user.Email!, action, $"user:{user.Email}", null, time.GetUtcNow()));
        await db.SaveChangesAsync();
    }
}
