using Bulletin.Core.Workflow;
using Bulletin.Core.Stories;
using Bulletin.Newsroom;
using Bulletin.Site;
using Bulletin.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Admin;

/// <summary>
/// Admins add staff, give roles, disable accounts, reset passwords, lift lockouts and revoke API tokens, through the
/// staff directory. Tokens are made by their owners (Account/Tokens), never by an admin for someone else.
/// </summary>
public sealed class UsersModel(StaffDirectory directory, NewsroomUi ui, SiteClock clock, TimeProvider time) : PageModel
{
    public SiteClock Clock => clock;
    public DateTimeOffset Now { get; } = time.GetUtcNow();
    public Language Language => ui.Language;

    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    /// <summary>Shown once: a new password or token, and whose it is.</summary>
    public string? Secret { get; private set; }
    public string? SecretFor { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Staff = await directory.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var roles = Roles.Where(StaffRoles.IsKnown).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(Email) || roles.Count == 0)
        {
            Problem = ui.T(AdminText.EmailAndRoleNeeded);
            return await ShowAsync(cancellationToken);
        }

        return await ShowAsync(await directory.AddAsync(Email, DisplayName, roles, null, Me, cancellationToken), cancellationToken);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        var changed = await directory.SetDisabledAsync(user, disabled, Me, cancellationToken);
        return changed.Succeeded ? Redirect("/newsroom/admin/users") : await ShowAsync(changed, cancellationToken);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken) =>
        await directory.FindAsync(id) is { } user
            ? await ShowAsync(await directory.ResetPasswordAsync(user, null, Me, cancellationToken), cancellationToken)
            : NotFound();

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        await directory.UnlockAsync(user, Me, cancellationToken);
        return Redirect("/newsroom/admin/users");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        await directory.RevokeTokensAsync(user, Me, cancellationToken);
        return Redirect("/newsroom/admin/users");
    }

    private StaffActor Me => StaffActor.From(User);

    /// <summary>The page again, with the secret to show once, or why nothing was changed.</summary>
    private async Task<IActionResult> ShowAsync(StaffOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            (Secret, SecretFor) = (outcome.Secret, outcome.Secret is null ? null : outcome.User!.Email);
        }
        else
        {
            Problem = $"{ui.T(AdminText.NotChanged)}: {outcome.Problem}";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        Staff = await directory.ListAsync(cancellationToken);
        return Page();
    }
}
