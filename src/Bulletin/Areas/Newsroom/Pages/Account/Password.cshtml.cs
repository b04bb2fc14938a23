using Bulletin.Data.Staff;
using Bulletin.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Account;

/// <summary>A member of staff changes their own password: the current one first, then every other session ends.</summary>
public sealed class PasswordModel(StaffDirectory directory, SignInManager<StaffUser> signIn, NewsroomUi ui) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await signIn.UserManager.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!await directory.ConfirmPasswordAsync(user, CurrentPassword, cancellationToken))
        {
            return Refused(ui.T(NewsroomText.CurrentPasswordWrong));
        }

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var changed = await directory.ChangePasswordAsync(user, CurrentPassword!, NewPassword ?? "", session.Properties, cancellationToken);
        if (!changed.Succeeded)
        {
            return Refused($"{ui.T(NewsroomText.PasswordNotChanged)}: {changed.Problem}");
        }

        // This session carries on, with the account's new security stamp in it.
        await signIn.RefreshSignInAsync(user);
        Message = ui.T(NewsroomText.PasswordChanged);
        return Page();
    }

    private PageResult Refused(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
