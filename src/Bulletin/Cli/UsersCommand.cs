using System.CommandLine;
using Bulletin.Data.Staff;
using Bulletin.Staff;

namespace Bulletin.Cli;

/// <summary>
/// `bulletin users add|list|disable|enable|reset-password|unlock|token|revoke-tokens`: staff accounts from the shell,
/// for the first admin and for scripts, through the same <see cref="StaffDirectory"/> as the admin page. Passwords are
/// printed once, or read from standard input.
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
    private static readonly Option<string> TokenScope = new Option<string>("--scope")
    {
        Description = "write (the default: whatever the account's roles allow) or read (GET calls only)",
        DefaultValueFactory = _ => "write",
    }.AcceptOnlyFromAmong("write", "read");
    private static readonly Option<int?> TokenDays = new("--days")
    {
        Description = $"End the token this many days from now (1 to {StaffDirectory.MaxTokenDays}); without it, it lasts until revoked",
    };

    public static Command Create()
    {
        var add = new Command("add", "Create a member of staff and print a one-time password.") { Email, Role, Name, PasswordStdin };
        add.SetAction((r, ct) => WithStaff(r, staff => AddAsync(r, staff, ct), ct));
        var list = new Command("list", "List staff with their roles.");
        list.SetAction((r, ct) => WithStaff(r, staff => ListAsync(staff, ct), ct));
        var disable = new Command("disable", "Stop an account signing in or using its tokens.") { Email };
        disable.SetAction((r, ct) => WithAccount(r, (staff, user) => SetDisabledAsync(staff, user, true, ct), ct));
        var enable = new Command("enable", "Let a disabled account sign in again.") { Email };
        enable.SetAction((r, ct) => WithAccount(r, (staff, user) => SetDisabledAsync(staff, user, false, ct), ct));
        var reset = new Command("reset-password", "Give an account a new password (printed once, or read from stdin).") { Email, PasswordStdin };
        reset.SetAction((r, ct) => WithAccount(r, (staff, user) => ResetAsync(r, staff, user, ct), ct));
        var token = new Command("token", "Print a new personal access token for API clients.") { Email, TokenName, TokenScope, TokenDays };
        token.SetAction((r, ct) => WithAccount(r, (staff, user) => TokenAsync(r, staff, user, ct), ct));
        var revoke = new Command("revoke-tokens", "Revoke every access token of an account.") { Email };
        revoke.SetAction((r, ct) => WithAccount(r, (staff, user) => RevokeAsync(staff, user, ct), ct));
        var unlock = new Command("unlock", "Lift a lockout after failed sign-ins, so the account can sign in again now.") { Email };
        unlock.SetAction((r, ct) => WithAccount(r, (staff, user) => UnlockAsync(staff, user, ct), ct));
        return new Command("users", "Staff accounts.") { add, list, disable, enable, reset, unlock, token, revoke };
    }

    private static async Task<int> WithStaff(ParseResult result, Func<StaffDirectory, Task<int>> action, CancellationToken cancellationToken)
    {
        await using var host = await CommandHost.OpenAsync(result, migrate: true, cancellationToken);
        return host is null ? 2 : await action(host.Get<StaffDirectory>());
    }

    private static Task<int> WithAccount(ParseResult result, Func<StaffDirectory, StaffUser, Task<int>> action, CancellationToken cancellationToken) =>
        WithStaff(result, async staff =>
        {
            var email = result.GetValue(Email)!.Trim();
            if (await staff.FindAsync(email) is not { } user)
            {
                await Console.Error.WriteLineAsync($"bulletin users: there is no account '{email}'.");
                return 1;
            }

            return await action(staff, user);
        }, cancellationToken);

    private static async Task<int> AddAsync(ParseResult result, StaffDirectory staff, CancellationToken cancellationToken)
    {
        var roles = (result.GetValue(Role) ?? []).SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var password = result.GetValue(PasswordStdin) ? await ReadPasswordAsync() : null;
        var added = await staff.AddAsync(result.GetValue(Email), result.GetValue(Name), roles, password, StaffDirectory.CommandLine, cancellationToken);
        if (!added.Succeeded)
        {
            return await RefusedAsync(added, added.Problem!.Contains("is not a role", StringComparison.Ordinal) ? 2 : 1);
        }

        var roleNames = string.Join(", ", (await staff.ListAsync(cancellationToken)).First(m => m.User.Id == added.User!.Id).Roles);
        Console.WriteLine($"Created {added.User!.Email} ({roleNames}).");
        if (added.Secret is not null)
        {
            Console.WriteLine($"One-time password: {added.Secret}");
        }

        return 0;
    }

    private static async Task<int> ListAsync(StaffDirectory staff, CancellationToken cancellationToken)
    {
        foreach (var member in await staff.ListAsync(cancellationToken))
        {
            Console.WriteLine($"{member.User.Email,-40} {string.Join(",", member.Roles),-24} {(member.User.IsDisabled ? "disabled" : "active")}");
        }

        return 0;
    }

    private static async Task<int> SetDisabledAsync(StaffDirectory staff, StaffUser user, bool disabled, CancellationToken cancellationToken)
    {
        var changed = await staff.SetDisabledAsync(user, disabled, StaffDirectory.CommandLine, cancellationToken);
        if (!changed.Succeeded)
        {
            return await RefusedAsync(changed, 1);
        }

        Console.WriteLine($"{user.Email} is {(disabled ? "disabled" : "enabled")}.");
        return 0;
    }

    private static async Task<int> ResetAsync(ParseResult result, StaffDirectory staff, StaffUser user, CancellationToken cancellationToken)
    {
        var password = result.GetValue(PasswordStdin) ? await ReadPasswordAsync() : null;
        var reset = await staff.ResetPasswordAsync(user, password, StaffDirectory.CommandLine, cancellationToken);
        if (!reset.Succeeded)
        {
            return await RefusedAsync(reset, 1);
        }

        Console.WriteLine(reset.Secret is null ? $"Set a new password for {user.Email}." : $"One-time password for {user.Email}: {reset.Secret}");
        return 0;
    }

    private static async Task<int> TokenAsync(ParseResult result, StaffDirectory staff, StaffUser user, CancellationToken cancellationToken)
    {
        var scope = result.GetValue(TokenScope) == "read" ? AccessTokenScope.Read : AccessTokenScope.Write;
        var days = result.GetValue(TokenDays);
        if (days is < 1 or > StaffDirectory.MaxTokenDays)
        {
            await Console.Error.WriteLineAsync($"--days is a whole number of days from 1 to {StaffDirectory.MaxTokenDays}.");
            return 2;
        }

        var issued = await staff.IssueTokenAsync(user, result.GetValue(TokenName) ?? "api", StaffDirectory.CommandLine, cancellationToken, scope, days);
        Console.WriteLine(issued.Secret);
        return 0;
    }

    private static async Task<int> UnlockAsync(StaffDirectory staff, StaffUser user, CancellationToken cancellationToken)
    {
        var unlocked = await staff.UnlockAsync(user, StaffDirectory.CommandLine, cancellationToken);
        if (!unlocked.Succeeded)
        {
            return await RefusedAsync(unlocked, 1);
        }

        Console.WriteLine($"{user.Email} can sign in again.");
        return 0;
    }

    private static async Task<int> RevokeAsync(StaffDirectory staff, StaffUser user, CancellationToken cancellationToken)
    {
        var count = await staff.RevokeTokensAsync(user, StaffDirectory.CommandLine, cancellationToken);
        Console.WriteLine($"Revoked {count} token(s) of {user.Email}.");
        return 0;
    }

    private static async Task<int> RefusedAsync(StaffOutcome outcome, int exitCode)
    {
        await Console.Error.WriteLineAsync("bulletin users: " + outcome.Problem);
        return exitCode;
    }

    private static async Task<string> ReadPasswordAsync() => ((await Console.In.ReadLineAsync()) ?? "").TrimEnd('\r', '\n');
}
