using Bulletin.Data.Staff;
using Bulletin.Newsroom;
using Bulletin.Site;
using Bulletin.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Admin;

/// <summary>
/// An admin sees one person's API tokens and revokes any of them. Admins do not make tokens for others here: a token
/// acts as its owner, so only the owner makes one (with their password), or the shell for an account run by a program.
/// </summary>
public sealed class TokensModel(StaffDirectory directory, SiteClock clock) : PageModel
{
    public StaffUser? Owner { get; private set; }
    public IReadOnlyList<AccessToken> Tokens { get; private set; } = [];
    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id) is not { } owner)
        {
            return NotFound();
        }

        Owner = owner;
        Tokens = await directory.ListTokensAsync(owner.Id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid token, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id) is not { } owner)
        {
            return NotFound();
        }

        return await directory.RevokeTokenAsync(owner, token, StaffActor.From(User), cancellationToken)
            ? Redirect($"/newsroom/admin/tokens?id={owner.Id}")
            : NotFound();
    }
}
