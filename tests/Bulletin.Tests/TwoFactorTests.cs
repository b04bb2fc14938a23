using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class TwoFactorTests
{
    [Fact]
    public async Task SignIn_WithAnAuthenticatorTurnedOn_NeedsTheCurrentCode()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using (var session = new FormClient(server))
        {
            await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });
            var started = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=start", new() { ["CurrentPassword"] = editor.Password });
            var key = new HtmlParser().ParseDocument(started).QuerySelector("#authenticator-key")!.TextContent;
            var verified = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=verify", new() { ["code"] = Totp(key) });
            Assert.Contains("id=\"two-factor-state\">켜져 있음", verified, StringComparison.Ordinal);

            using var again = new FormClient(server);
            var withoutCode = await again.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });
            Assert.Contains("name=\"Code\"", withoutCode, StringComparison.Ordinal);
            var wrongCode = await again.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password, ["Code"] = "000000" });
            // Refused as a sign-in page with its problem shown: a 500 is no refusal.
            Assert.Equal(HttpStatusCode.OK, again.LastStatus);
            Assert.NotNull(new HtmlParser().ParseDocument(wrongCode).QuerySelector("p.problem"));
            await again.GetAsync("/newsroom");
            Assert.Equal(HttpStatusCode.Redirect, again.LastStatus);
            await again.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password, ["Code"] = Totp(key) });
            Assert.Equal(HttpStatusCode.Redirect, again.LastStatus);
        }
    }

    [Fact]
    public async Task TwoFactor_TurnedOffOrGivenANewKey_FromAnOpenSessionWithoutThePassword_IsRefusedAndStays()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });
        var started = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=start", new() { ["CurrentPassword"] = editor.Password });
        var key = new HtmlParser().ParseDocument(started).QuerySelector("#authenticator-key")!.TextContent;
        await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=verify", new() { ["code"] = Totp(key) });

        // Someone at the open session, without the password: neither a new key nor turning it off.
        var newKey = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=start", new() { ["CurrentPassword"] = "a guess" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, session.LastStatus);
        Assert.Null(new HtmlParser().ParseDocument(newKey).QuerySelector("#authenticator-key"));
        var off = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=disable", []);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, session.LastStatus);
        Assert.Contains("id=\"two-factor-state\">켜져 있음", off, StringComparison.Ordinal);

        // The owner's app still signs in with the key it has, and a code is still needed.
        using var again = new FormClient(server);
        var withoutCode = await again.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });
        Assert.Contains("name=\"Code\"", withoutCode, StringComparison.Ordinal);
        await again.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password, ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, again.LastStatus);

        // With the password it turns off.
        var turnedOff = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=disable", new() { ["CurrentPassword"] = editor.Password });
        Assert.Contains("id=\"two-factor-state\">꺼져 있음", turnedOff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithACodeUsedAlready_IsRefused_EvenWithTheRightPassword()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var session = new FormClient(server);
        await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });
        var started = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=start", new() { ["CurrentPassword"] = editor.Password });
        var key = new HtmlParser().ParseDocument(started).QuerySelector("#authenticator-key")!.TextContent;
        await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=verify", new() { ["code"] = Totp(key) });

        var code = Totp(key);
        using var owner = new FormClient(server);
        await owner.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password, ["Code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, owner.LastStatus);

        // Someone who saw both the password and the code typed in tries them straight after.
        using var onlooker = new FormClient(server);
        var refused = await onlooker.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password, ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, onlooker.LastStatus);
        Assert.NotNull(new HtmlParser().ParseDocument(refused).QuerySelector("p.problem"));
        await onlooker.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, onlooker.LastStatus);
    }

    [Fact]
    public async Task SignIn_WithWrongCodesAfterTheRightPassword_LocksTheAccountLikeWrongPasswords()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Newsroom:FailedSignInsBeforeLockout=3"]);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        string key;
        using (var session = new FormClient(server))
        {
            await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password });
            var started = await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=start", new() { ["CurrentPassword"] = editor.Password });
            key = new HtmlParser().ParseDocument(started).QuerySelector("#authenticator-key")!.TextContent;
            await session.PostAsync("/newsroom/account/twofactor", "/newsroom/account/twofactor?handler=verify", new() { ["code"] = Totp(key) });
        }

        // Someone with the password guesses codes from a browser the account has never signed in from.
        var right = Totp(key);
        var wrong = ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            using var guesser = new FormClient(server);
            await guesser.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password, ["Code"] = wrong });
            Assert.Equal(HttpStatusCode.OK, guesser.LastStatus);
        }

        using var late = new FormClient(server);
        await late.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = editor.Email, ["Password"] = editor.Password, ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.OK, late.LastStatus);
        await late.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.Redirect, late.LastStatus);
    }

    /// <summary>RFC 6238 with the parameters authenticator apps use: SHA-1, 30 seconds, 6 digits.</summary>
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var step = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // TOTP is defined on HMAC-SHA1; this is what the authenticator app computes.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.Trim().TrimEnd('=').ToUpperInvariant())
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
