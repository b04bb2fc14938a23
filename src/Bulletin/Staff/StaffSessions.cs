using System.Security.Claims;
using System.Security.Cryptography;
using Bulletin.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Staff;

/// <summary>
/// Keeps each staff sign-in on the server, so that the cookie carries only a session key. Signing out deletes the
/// session: a copy of the cookie taken before is worth nothing afterwards, which a self-contained cookie cannot
/// promise. Disabling an account or resetting its password deletes all its sessions at once, on every node, where
/// the security stamp alone would leave them open until the next stamp check.
/// </summary>
/// <remarks>
/// Sessions live in Identity's own user-token table under their own provider name, keyed by (user, session), so every
/// lookup is one primary-key read and one person's sessions are one key range, with no table of our own to migrate.
/// The key in the cookie is "{user id}:{random}", which is how a lookup finds the row without an index on the name.
/// </remarks>
public sealed class StaffSessions(IServiceScopeFactory scopes, NewsroomOptions options, TimeProvider time) : ITicketStore
{
    /// <summary>The user-token "provider" under which sessions are kept.</summary>
    public const string Provider = "Bulletin.Session";

    /// <summary>Where a session's own key is kept in its ticket, so a page can tell the current session from the others.</summary>
    private const string KeyItem = "bulletin.session";

    /// <summary>When the session's sign-in was (Unix milliseconds): the cookie's own expiry slides, this does not.</summary>
    private const string StartedItem = "bulletin.session-started";

    /// <summary>Open sessions one person may have at once (browsers and devices); signing in on one more ends the oldest.</summary>
    private const int MaxPerPerson = 20;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(ticket);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();

        // Sessions nobody signed out of expire; they are cleared when the same person next signs in, and past
        // MaxPerPerson the oldest end, so the rows kept per person stay as few as the browsers they use.
        var now = time.GetUtcNow();
        var theirs = await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider)
            .Take(MaxPerPerson * 4).ToListAsync(cancellationToken);
        var open = theirs.Select(t => (Row: t, Ticket: Read(t.Value))).ToList();
        var ended = open.Where(s => s.Ticket is null || s.Ticket.Properties.ExpiresUtc <= now).ToList();
        ended.AddRange(open.Except(ended).OrderByDescending(s => StartedAt(s.Ticket!)).Skip(MaxPerPerson - 1));
        db.UserTokens.RemoveRange(ended.Select(s => s.Row));

        var key = $"{userId:N}:{name}";
        ticket.Properties.Items[KeyItem] = key;
        ticket.Properties.Items[StartedItem] = now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        db.UserTokens.Add(new IdentityUserToken<Guid> { UserId = userId, LoginProvider = Provider, Name = name, Value = Write(ticket) });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        if (Parse(key) is not var (userId, name))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var session = db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name);
        if (UserIdOf(ticket) != userId)
        {
            // Someone signed in as another account over an open session: the cookie handler renews the open key
            // rather than making a new one. The old session ends and is not handed to the new account, whose
            // sessions must all sit under its own id; the person is asked to sign in again on a fresh session.
            await session.ExecuteDeleteAsync(cancellationToken);
            return;
        }

        // Only a session that still exists is renewed: one ended while this request ran stays ended.
        ticket.Properties.Items[KeyItem] = key;
        ticket.Properties.Items.TryAdd(StartedItem, time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, Write(ticket)), cancellationToken);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        if (Parse(key) is not var (userId, name))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var value = await db.UserTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name)
            .Select(t => t.Value).FirstOrDefaultAsync(cancellationToken);
        if (Read(value) is not { } ticket)
        {
            return null;
        }

        if (StartedAt(ticket) is not { } started || started.AddHours(options.SessionHours) <= time.GetUtcNow())
        {
            // Past its absolute end however recently it was used: over, and its row goes.
            await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        return ticket;
    }

    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (Parse(key) is not var (userId, name))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name == name).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Ends every session of one account (disabled, password reset or changed); returns how many were open.</summary>
    public static Task<int> EndAllAsync(BulletinDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of one account but the one a request comes from (its authentication properties).</summary>
    public static Task<int> EndOthersAsync(BulletinDbContext db, Guid userId, AuthenticationProperties? current, CancellationToken cancellationToken)
    {
        var keep = current?.Items.TryGetValue(KeyItem, out var key) == true && key is not null && Parse(key) is var (owner, name) && owner == userId
            ? name
            : "";
        return db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == Provider && t.Name != keep).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>How many sessions the account has open (ended ones are cleared at its next sign-in, so this may count a few).</summary>
    public static Task<int> CountAsync(BulletinDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.UserTokens.CountAsync(t => t.UserId == userId && t.LoginProvider == Provider, cancellationToken);

    private static Guid UserIdOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("A staff session needs the signed-in account's id.");

    private static (Guid UserId, string Name)? Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && Guid.TryParseExact(key.AsSpan(0, colon), "N", out var userId) ? (userId, key[(colon + 1)..]) : null;
    }

    private static DateTimeOffset? StartedAt(AuthenticationTicket ticket) =>
        ticket.Properties.Items.TryGetValue(StartedItem, out var started)
        && long.TryParse(started, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;

    private static string Write(AuthenticationTicket ticket) => Convert.ToBase64String(TicketSerializer.Default.Serialize(ticket));

    private static AuthenticationTicket? Read(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var bytes = new byte[value.Length];
        return Convert.TryFromBase64String(value, bytes, out var length) ? TicketSerializer.Default.Deserialize(bytes[..length]) : null;
    }
}
