using Bulletin.Data;
using Bulletin.Data.Staff;
using Bulletin.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Account;

/// <summary>A member of staff changes their own password: the current one first, then every other session ends.</summary>
public sealed class PasswordModel(StaffDirectory directory, SignInManager<StaffUser> signIn, BulletinDbContext db, NewsroomUi ui) : PageModel
{
    /// <summary>Sessions of this account open now, this one included.</summary>
    public int OpenSessions { get; private set; }

    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await signIn.UserManager.GetUserAsync(User) is { } user ? await ShowAsync(user, cancellationToken) : Challenge();

    /// <summary>Ends every other session of the account: no password needed, since it only takes access away.</summary>
    public async Task<IActionResult> OnPostSignOutElsewhereAsync(CancellationToken cancellationToken)
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await directory.SignOutElsewhereAsync(user, session.Properties, cancellationToken);
        Message = ui.T(NewsroomText.SignedOutElsewhere);
        return await ShowAsync(user, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await directory.ConfirmPasswordAsync(user, CurrentPassword, cancellationToken))
        {
            return await Refused(user, ui.T(NewsroomText.CurrentPasswordWrong), cancellationToken);
        }

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var changed = await directory.ChangePasswordAsync(user, CurrentPassword!, NewPassword ?? "", session.Properties, cancellationToken);
        if (!changed.Succeeded)
        {
            return await Refused(user, $"{ui.T(NewsroomText.PasswordNotChanged)}: {changed.Problem}", cancellationToken);
        }

        // This session carries on, with the account's new security stamp in it.
        await signIn.RefreshSignInAsync(user);
        Message = ui.T(NewsroomText.PasswordChanged);
        return await ShowAsync(user, cancellationToken);
    }

    private async Task<PageResult> Refused(StaffUser user, string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ShowAsync(user, cancellationToken);
    }

    private async Task<PageResult> ShowAsync(StaffUser user, CancellationToken cancellationToken)
    {
        OpenSessions = await StaffSessions.CountAsync(db, user.Id, cancellationToken);
        return Page();
    }
}
