using Bulletin.Data.Staff;
using Bulletin.Newsroom;
using Bulletin.Site;
using Bulletin.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Account;

/// <summary>
/// A member of staff's own API tokens: made here with the password again (a token outlives the session that made it,
/// so an open session alone must not be enough), shown once, listed by name, revoked one by one.
/// </summary>
public sealed class TokensModel(StaffDirectory directory, UserManager<StaffUser> users, NewsroomUi ui, SiteClock clock) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public int? Days { get; set; }

    /// <summary>The lifetimes offered, in days; a token without one lasts until revoked.</summary>
    public static readonly IReadOnlyList<int> Lifetimes = [1, 7, 30, 90, 365];

    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];
    public string? Secret { get; private set; }
    public string? Problem { get; private set; }
    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await users.GetUserAsync(User) is { } user ? await ShowAsync(user, cancellationToken) : Challenge();

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return await RefusedAsync(user, ui.T(NewsroomText.TokenNameNeeded), cancellationToken);
        }

        AccessTokenScope? scope = Scope switch
        {
            null or "" or "write" => AccessTokenScope.Write,
            "read" => AccessTokenScope.Read,
            _ => null,
        };
        if (scope is null || (Days is { } days && !Lifetimes.Contains(days)))
        {
            return await RefusedAsync(user, ui.T(NewsroomText.TokenTermsWrong), cancellationToken);
        }

        if (!await directory.ConfirmPasswordAsync(user, CurrentPassword, cancellationToken))
        {
            return await RefusedAsync(user, ui.T(NewsroomText.CurrentPasswordWrong), cancellationToken);
        }

        Secret = (await directory.IssueTokenAsync(user, name, StaffActor.From(User), cancellationToken, scope.Value, Days)).Secret;
        return await ShowAsync(user, cancellationToken);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid token, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        return await directory.RevokeTokenAsync(user, token, StaffActor.From(User), cancellationToken)
            ? Redirect("/newsroom/account/tokens")
            : NotFound();
    }

    private async Task<PageResult> RefusedAsync(StaffUser user, string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await ShowAsync(user, cancellationToken);
    }

    private async Task<PageResult> ShowAsync(StaffUser user, CancellationToken cancellationToken)
    {
        Tokens = await directory.ListTokensAsync(user.Id, cancellationToken);
        return Page();
    }
}
