using System.Text.Encodings.Web;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Account;

/// <summary>Turns the optional second factor (a TOTP authenticator app) on and off for the signed-in member of staff.</summary>
public sealed class TwoFactorModel(UserManager<StaffUser> users, BulletinDbContext db, TimeProvider time, NewsroomUi ui) : PageModel
{
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

    public async Task<IActionResult> OnPostStartAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
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

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await AuditAsync(user, "user.2fa-off");
        Message = ui.T(NewsroomText.TwoFactorSignInIsOff);
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
