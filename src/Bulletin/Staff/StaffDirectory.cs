using System.Globalization;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Staff;
using Bulletin.Newsroom;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Staff;

/// <summary>
/// Staff accounts: add, list, disable and enable, reset a password, issue and revoke API tokens. The admin page and
/// `bulletin users` both call this, so they follow the same rules and write the same audit rows; a change Identity
/// refuses is reported, never shown as done, and is not audited.
/// </summary>
public sealed class StaffDirectory(UserManager<StaffUser> users, BulletinDbContext db, TimeProvider time)
{
    /// <summary>More than any one person has; the list is bounded all the same.</summary>
    public const int MaxTokensListed = 200;

    /// <summary>Who acts from the shell.</summary>
    public static readonly StaffActor CommandLine = new(null, "cli", []);

    /// <summary>A newsroom's whole staff with room to spare; the list is bounded all the same.</summary>
    public const int MaxListed = 5000;

    /// <summary>The staff by e-mail (the index Identity keeps), each with roles and live tokens: three queries, whatever the staff.</summary>
    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).Take(MaxListed).ToListAsync(cancellationToken);
        var ids = all.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        var tokens = await db.AccessTokens.Where(t => t.RevokedAt == null && ids.Contains(t.UserId)).GroupBy(t => t.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. all.Select(user => new StaffMember(user, [.. roles[user.Id].Order(StringComparer.Ordinal)], tokens.GetValueOrDefault(user.Id)))];
    }

    public Task<StaffUser?> FindAsync(string email) => users.FindByEmailAsync(email.Trim());

    public Task<StaffUser?> FindAsync(Guid id) => users.FindByIdAsync(id.ToString());

    /// <param name="password">The account's password, or null to make a one-time password (returned as the secret).</param>
    public async Task<StaffOutcome> AddAsync(string? email, string? displayName, IEnumerable<string> roles, string? password,
        StaffActor actor, CancellationToken cancellationToken)
    {
        var chosen = roles.Select(r => r.Trim().ToLowerInvariant()).Where(r => r.Length > 0).Distinct().ToList();
        if (chosen.FirstOrDefault(r => !StaffRoles.IsKnown(r)) is { } unknown)
        {
            return StaffOutcome.Refused($"'{unknown}' is not a role. Roles: {string.Join(", ", StaffRoles.All)}.");
        }

        if (string.IsNullOrWhiteSpace(email) || chosen.Count == 0)
        {
            return StaffOutcome.Refused("An e-mail and at least one role are needed.");
        }

        var oneTime = password is null ? StaffPasswords.New() : null;
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password ?? oneTime!);
        if (!created.Succeeded)
        {
            return StaffOutcome.Refused(created);
        }

        var given = await users.AddToRolesAsync(user, chosen);
        if (!given.Succeeded)
        {
            await users.DeleteAsync(user);
            return StaffOutcome.Refused(given);
        }

        await AuditAsync(actor, "user.add", user, string.Join(",", chosen), cancellationToken);
        return StaffOutcome.Done(user, oneTime);
    }

    public async Task<StaffOutcome> SetDisabledAsync(StaffUser user, bool disabled, StaffActor actor, CancellationToken cancellationToken)
    {
        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return StaffOutcome.Refused(updated);
        }

        // Its open sessions end now; a new stamp would also sign it out of every browser at the next check.
        await users.UpdateSecurityStampAsync(user);
        if (disabled)
        {
            await StaffSessions.EndAllAsync(db, user.Id, cancellationToken);
        }

        await AuditAsync(actor, disabled ? "user.disable" : "user.enable", user, null, cancellationToken);
        return StaffOutcome.Done(user);
    }

    /// <param name="password">The new password, or null to make a one-time password (returned as the secret).</param>
    public async Task<StaffOutcome> ResetPasswordAsync(StaffUser user, string? password, StaffActor actor, CancellationToken cancellationToken)
    {
        var oneTime = password is null ? StaffPasswords.New() : null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password ?? oneTime!);
        if (!reset.Succeeded)
        {
            return StaffOutcome.Refused(reset);
        }

        await users.SetLockoutEndDateAsync(user, null);
        // Whoever knew the old password is signed out with it.
        await StaffSessions.EndAllAsync(db, user.Id, cancellationToken);
        await AuditAsync(actor, "user.reset-password", user, null, cancellationToken);
        return StaffOutcome.Done(user, oneTime);
    }

    /// <summary>Lifts a lockout (and forgets the failed sign-ins that led to it) for the owner to sign in again now.</summary>
    public async Task<StaffOutcome> UnlockAsync(StaffUser user, StaffActor actor, CancellationToken cancellationToken)
    {
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (unlocked.Succeeded)
        {
            unlocked = await users.ResetAccessFailedCountAsync(user);
        }

        if (!unlocked.Succeeded)
        {
            return StaffOutcome.Refused(unlocked);
        }

        await AuditAsync(actor, "user.unlock", user, null, cancellationToken);
        return StaffOutcome.Done(user);
    }

    /// <summary>
    /// Asks for the password again before a change that would let whoever holds an open session keep the account:
    /// a new password, a new or removed second factor, a new API token. A wrong answer counts toward the lockout
    /// like a failed sign-in, so a stolen session cannot be used to guess the password.
    /// </summary>
    public async Task<bool> ConfirmPasswordAsync(StaffUser user, string? password, CancellationToken cancellationToken)
    {
        // The hash runs whatever the answer will be, so a locked account answers no faster than an open one.
        var right = await users.CheckPasswordAsync(user, password ?? "");
        if (await users.IsLockedOutAsync(user))
        {
            return false;
        }

        if (right)
        {
            await users.ResetAccessFailedCountAsync(user);
            return true;
        }

        db.AuditLog.Add(new AuditEntry(user.Id, user.Email!, "user.reauthenticate-failed", $"user:{user.Email}", null, time.GetUtcNow()));
        await users.AccessFailedAsync(user);
        await db.SaveChangesAsync(cancellationToken);
        return false;
    }

    /// <summary>
    /// A member of staff's own new password, after <see cref="ConfirmPasswordAsync"/>. Every other session of the
    /// account ends, so a browser left signed in elsewhere is signed out; <paramref name="session"/> (the
    /// authentication properties of the request making the change) is the one kept.
    /// </summary>
    public async Task<StaffOutcome> ChangePasswordAsync(StaffUser user, string current, string password, AuthenticationProperties? session,
        CancellationToken cancellationToken)
    {
        var changed = await users.ChangePasswordAsync(user, current, password);
        if (!changed.Succeeded)
        {
            return StaffOutcome.Refused(changed);
        }

        await StaffSessions.EndOthersAsync(db, user.Id, session, cancellationToken);
        await AuditAsync(new StaffActor(user.Id, user.Email!, []), "user.change-password", user, null, cancellationToken);
        return StaffOutcome.Done(user);
    }

    /// <summary>The longest a token with an end date may last, in days (ten years).</summary>
    public const int MaxTokenDays = 3650;

    /// <summary>
    /// A new personal access token, returned once as the secret; only its hash is kept. <paramref name="days"/>
    /// (1 to <see cref="MaxTokenDays"/>) ends it that many days from now; null lets it last until revoked.
    /// </summary>
    public async Task<StaffOutcome> IssueTokenAsync(StaffUser user, string name, StaffActor actor, CancellationToken cancellationToken,
        AccessTokenScope scope = AccessTokenScope.Write, int? days = null)
    {
        if (days is < 1 or > MaxTokenDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A token lasts 1 to {MaxTokenDays} days.");
        }

        var now = time.GetUtcNow();
        var (token, row) = AccessToken.Issue(user.Id, name, now, scope, days is { } d ? now.AddDays(d) : null);
        db.AccessTokens.Add(row);
        // The log names the token as its owner does, with its terms when they differ from a lasting token that writes.
        var terms = string.Join(", ", new[]
        {
            scope == AccessTokenScope.Read ? "read only" : null,
            row.ExpiresAt is { } end ? "ends " + end.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) : null,
        }.OfType<string>());
        await AuditAsync(actor, "token.issue", user, terms.Length == 0 ? row.Name : $"{row.Name} ({terms})", cancellationToken);
        return StaffOutcome.Done(user, token);
    }

    /// <summary>Ends every session of the account but the one <paramref name="session"/> belongs to; returns how many.</summary>
    public async Task<int> SignOutElsewhereAsync(StaffUser user, AuthenticationProperties? session, CancellationToken cancellationToken)
    {
        var ended = await StaffSessions.EndOthersAsync(db, user.Id, session, cancellationToken);
        await AuditAsync(new StaffActor(user.Id, user.Email!, []), "user.sign-out-elsewhere", user, $"{ended} sessions", cancellationToken);
        return ended;
    }

    /// <summary>One account's tokens, newest first (names and dates; the tokens themselves are never kept).</summary>
    public async Task<IReadOnlyList<AccessToken>> ListTokensAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.Id).Take(MaxTokensListed).ToListAsync(cancellationToken);

    /// <summary>Revokes one token of the account; it stops working on its next call. False when the account has no such live token.</summary>
    public async Task<bool> RevokeTokenAsync(StaffUser user, Guid tokenId, StaffActor actor, CancellationToken cancellationToken)
    {
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == user.Id && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.Revoke(time.GetUtcNow());
        await AuditAsync(actor, "token.revoke", user, token.Name, cancellationToken);
        return true;
    }

    /// <summary>Revokes every token of the account; returns how many were live.</summary>
    public async Task<int> RevokeTokensAsync(StaffUser user, StaffActor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var tokens = await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        tokens.ForEach(t => t.Revoke(now));
        await AuditAsync(actor, "token.revoke", user, $"{tokens.Count} tokens", cancellationToken);
        return tokens.Count;
    }

    private async Task AuditAsync(StaffActor actor, string action, StaffUser user, string? detail, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(new AuditEntry(actor.Id, actor.Name, action, $"user:{user.Email}", detail, time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
