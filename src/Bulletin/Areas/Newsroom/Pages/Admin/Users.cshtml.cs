using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Staff;
using Bulletin.Newsroom;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Areas.Newsroom.Pages.Admin;

/// <summary>Admins add staff, give roles, disable accounts, reset passwords and manage API tokens.</summary>
public sealed class UsersModel(UserManager<StaffUser> users, BulletinDbContext db, TimeProvider time, NewsroomUi ui) : PageModel
{
    public sealed record Row(StaffUser User, IList<string> Roles, int Tokens);

    public IReadOnlyList<Row> Staff { get; private set; } = [];

    /// <summary>Shown once: a new password or token, and whose it is.</summary>
    public string? Secret { get; private set; }
    public string? SecretFor { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var roles = Roles.Where(StaffRoles.IsKnown).Distinct().ToList();
        if (string.IsNullOrWhiteSpace(Email) || roles.Count == 0)
        {
            Problem = ui.T(AdminText.EmailAndRoleNeeded);
            await LoadAsync(cancellationToken);
            return Page();
        }

        var password = StaffPasswords.New();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = Email.Trim(),
            Email = Email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(DisplayName) ? null : DisplayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            Problem = string.Join(" ", created.Errors.Select(e => e.Description));
            await LoadAsync(cancellationToken);
            return Page();
        }

        await users.AddToRolesAsync(user, roles);
        await AuditAsync("user.add", user.Email!, string.Join(",", roles), cancellationToken);
        (Secret, SecretFor) = (password, user.Email);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(disabled ? "user.disable" : "user.enable", user.Email!, null, cancellationToken);
        return Redirect("/newsroom/admin/users");
    }

    public async Task<IActionResult> OnPostResetAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var password = StaffPasswords.New();
        await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        await users.SetLockoutEndDateAsync(user, null);
        await AuditAsync("user.reset-password", user.Email!, null, cancellationToken);
        (Secret, SecretFor) = (password, user.Email);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostTokenAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var (token, row) = AccessToken.Issue(user.Id, "newsroom", time.GetUtcNow());
        db.AccessTokens.Add(row);
        await AuditAsync("token.issue", user.Email!, null, cancellationToken);
        (Secret, SecretFor) = (token, user.Email);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tokens = await db.AccessTokens.Where(t => t.UserId == id && t.RevokedAt == null).ToListAsync(cancellationToken);
        tokens.ForEach(t => t.Revoke(now));
        await AuditAsync("token.revoke", id.ToString(), $"{tokens.Count} tokens", cancellationToken);
        return Redirect("/newsroom/admin/users");
    }

    private async Task AuditAsync(string action, string email, string? detail, CancellationToken cancellationToken)
    {
        var me = StaffActor.From(User);
        db.AuditLog.Add(new AuditEntry(me.Id, me.Name, action, $"user:{email}", detail, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var tokens = await db.AccessTokens.Where(t => t.RevokedAt == null).GroupBy(t => t.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var rows = new List<Row>();
        foreach (var user in all)
        {
            rows.Add(new Row(user, await users.GetRolesAsync(user), tokens.GetValueOrDefault(user.Id)));
        }

        Staff = rows;
    }
}
