using System.CommandLine;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Audit;
using Bulletin.Data.Staff;
using Bulletin.Hosting;
using Bulletin.Newsroom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Cli;

/// <summary>
/// `bulletin users add|list|disable|enable|reset-password|token|revoke-tokens`: staff accounts from the shell,
/// for the first admin and for scripts. Passwords are printed once, or read from standard input.
/// </summary>
public static class UsersCommand
{
    private static readonly Option<string> Email = new("--email") { Description = "The member of staff's e-mail", Required = true };
    private static readonly Option<string[]> Role = new("--role")
    {
        Description = "reporter, editor, producer, tipdesk or admin (repeat for several)",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };
    private static readonly Option<string?> Name = new("--name") { Description = "The name shown in the newsroom" };
    private static readonly Option<bool> PasswordStdin = new("--password-stdin") { Description = "Read the password from standard input instead of making one" };
    private static readonly Option<string> TokenName = new("--token-name")
    {
        Description = "What the token is for",
        DefaultValueFactory = _ => "api",
    };

    public static Command Create()
    {
        var add = new Command("add", "Create a member of staff and print a one-time password.") { Email, Role, Name, PasswordStdin };
        add.SetAction((r, ct) => WithUsers(r, (users, db) => AddAsync(r, users, db, ct)));
        var list = new Command("list", "List staff with their roles.");
        list.SetAction((r, ct) => WithUsers(r, (users, db) => ListAsync(users, db, ct)));
        var disable = new Command("disable", "Stop an account signing in or using its tokens.") { Email };
        disable.SetAction((r, ct) => WithUsers(r, (users, db) => SetDisabledAsync(r, users, db, true, ct)));
        var enable = new Command("enable", "Let a disabled account sign in again.") { Email };
        enable.SetAction((r, ct) => WithUsers(r, (users, db) => SetDisabledAsync(r, users, db, false, ct)));
        var reset = new Command("reset-password", "Give an account a new password (printed once, or read from stdin).") { Email, PasswordStdin };
        reset.SetAction((r, ct) => WithUsers(r, (users, db) => ResetAsync(r, users, db, ct)));
        var token = new Command("token", "Print a new personal access token for API clients.") { Email, TokenName };
        token.SetAction((r, ct) => WithUsers(r, (users, db) => TokenAsync(r, users, db, ct)));
        var revoke = new Command("revoke-tokens", "Revoke every access token of an account.") { Email };
        revoke.SetAction((r, ct) => WithUsers(r, (users, db) => RevokeAsync(r, users, db, ct)));
        return new Command("users", "Staff accounts.") { add, list, disable, enable, reset, token, revoke };
    }

    private static async Task<int> WithUsers(ParseResult result, Func<UserManager<StaffUser>, BulletinDbContext, Task<int>> action)
    {
        await using var host = await CommandHost.OpenAsync(result, migrate: true, CancellationToken.None);
        if (host is null)
        {
            return 2;
        }

        return await action(host.Get<UserManager<StaffUser>>(), host.Get<BulletinDbContext>());
    }

    private static async Task<int> AddAsync(ParseResult result, UserManager<StaffUser> users, BulletinDbContext db, CancellationToken cancellationToken)
    {
        var email = result.GetValue(Email)!.Trim();
        var roles = (result.GetValue(Role) ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(r => r.ToLowerInvariant()).Distinct().ToList();
        if (roles.FirstOrDefault(r => !StaffRoles.IsKnown(r)) is { } unknown)
        {
            await Console.Error.WriteLineAsync($"bulletin users: '{unknown}' is not a role. Roles: {string.Join(", ", StaffRoles.All)}.");
            return 2;
        }

        var fromStdin = result.GetValue(PasswordStdin);
        var password = fromStdin ? await ReadPasswordAsync() : StaffPasswords.New();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = result.GetValue(Name),
            CreatedAt = TimeProvider.System.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync("bulletin users: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRolesAsync(user, roles);
        await AuditAsync(db, "user.add", email, string.Join(",", roles), cancellationToken);
        Console.WriteLine($"Created {email} ({string.Join(", ", roles)}).");
        if (!fromStdin)
        {
            Console.WriteLine($"One-time password: {password}");
        }

        return 0;
    }

    private static async Task<int> ListAsync(UserManager<StaffUser> users, BulletinDbContext db, CancellationToken cancellationToken)
    {
        foreach (var user in await db.Users.OrderBy(u => u.Email).ToListAsync(cancellationToken))
        {
            var roles = await users.GetRolesAsync(user);
            Console.WriteLine($"{user.Email,-40} {string.Join(",", roles.Order(StringComparer.Ordinal)),-24} {(user.IsDisabled ? "disabled" : "active")}");
        }

        return 0;
    }

    private static async Task<int> SetDisabledAsync(ParseResult result, UserManager<StaffUser> users, BulletinDbContext db, bool disabled, CancellationToken cancellationToken)
    {
        if (await FindAsync(result, users) is not { } user)
        {
            return 1;
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        // A new stamp signs the account out of every browser at the next check.
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync(db, disabled ? "user.disable" : "user.enable", user.Email!, null, cancellationToken);
        Console.WriteLine($"{user.Email} is {(disabled ? "disabled" : "enabled")}.");
        return 0;
    }

    private static async Task<int> ResetAsync(ParseResult result, UserManager<StaffUser> users, BulletinDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(result, users) is not { } user)
        {
            return 1;
        }

        var fromStdin = result.GetValue(PasswordStdin);
        var password = fromStdin ? await ReadPasswordAsync() : StaffPasswords.New();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            await Console.Error.WriteLineAsync("bulletin users: " + string.Join(" ", reset.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.SetLockoutEndDateAsync(user, null);
        await AuditAsync(db, "user.reset-password", user.Email!, null, cancellationToken);
        Console.WriteLine(fromStdin ? $"Set a new password for {user.Email}." : $"One-time password for {user.Email}: {password}");
        return 0;
    }

    private static async Task<int> TokenAsync(ParseResult result, UserManager<StaffUser> users, BulletinDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(result, users) is not { } user)
        {
            return 1;
        }

        var (token, row) = AccessToken.Issue(user.Id, result.GetValue(TokenName) ?? "api", TimeProvider.System.GetUtcNow());
        db.AccessTokens.Add(row);
        db.AuditLog.Add(new AuditEntry(null, "cli", "token.issue", $"user:{user.Email}", row.Name, TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        Console.WriteLine(token);
        return 0;
    }

    private static async Task<int> RevokeAsync(ParseResult result, UserManager<StaffUser> users, BulletinDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(result, users) is not { } user)
        {
            return 1;
        }

        var now = TimeProvider.System.GetUtcNow();
        var tokens = await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        tokens.ForEach(t => t.Revoke(now));
        db.AuditLog.Add(new AuditEntry(null, "cli", "token.revoke", $"user:{user.Email}", $"{tokens.Count} tokens", now));
        await db.SaveChangesAsync(cancellationToken);
        Console.WriteLine($"Revoked {tokens.Count} token(s) of {user.Email}.");
        return 0;
    }

    private static async Task<StaffUser?> FindAsync(ParseResult result, UserManager<StaffUser> users)
    {
        var email = result.GetValue(Email)!.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"bulletin users: there is no account '{email}'.");
        }

        return user;
    }

    private static async Task AuditAsync(BulletinDbContext db, string action, string email, string? detail, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(new AuditEntry(null, "cli", action, $"user:{email}", detail, TimeProvider.System.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<string> ReadPasswordAsync() => ((await Console.In.ReadLineAsync()) ?? "").TrimEnd('\r', '\n');
}
