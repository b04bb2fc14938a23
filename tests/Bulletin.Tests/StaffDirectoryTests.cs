using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

/// <summary>The admin page and `bulletin users` go through one staff directory: a change Identity refuses is shown as refused.</summary>
public sealed class StaffDirectoryTests
{
    private const string RefusesNewPasswords = "Refuses new passwords";

    [Fact]
    public async Task UsersPage_WhenAPasswordResetIsRefused_ShowsWhy_ShowsNoPassword_AndAuditsNothing()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, configure: builder =>
            builder.Services.AddScoped<IPasswordValidator<StaffUser>, PasswordRule>());
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        var target = await StaffAccount.CreateAsync(server, "target@test.example", StaffRoles.Reporter);
        Guid targetId;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(target.Email))!;
            user.DisplayName = RefusesNewPasswords;
            await users.UpdateAsync(user);
            targetId = user.Id;
        }

        using var browser = new FormClient(server);
        await browser.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = admin.Email, ["Password"] = admin.Password });
        var html = await browser.PostAsync("/newsroom/admin/users", $"/newsroom/admin/users?handler=reset&id={targetId}", []);
        var page = new HtmlParser().ParseDocument(html);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, browser.LastStatus);
        Assert.Contains(PasswordRule.Description, page.QuerySelector(".problem")?.TextContent ?? "(no problem shown)", StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#one-time-secret"));
        await using var db = database.NewContext();
        Assert.False(await db.AuditLog.AnyAsync(a => a.Action == "user.reset-password", TestContext.Current.CancellationToken));
        var (signIn, _) = await SignInTests.SignInAsync(server, target.Email, target.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task UsersPage_ResetAndToken_ShowTheSecretOnce_AndAuditAsTheCommandLineDoes()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var admin = await StaffAccount.CreateAsync(server, "admin@test.example", StaffRoles.Admin);
        await StaffAccount.CreateAsync(server, "target@test.example", StaffRoles.Reporter);
        Guid targetId;
        await using (var db = database.NewContext())
        {
            targetId = await db.Users.Where(u => u.Email == "target@test.example").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        using var browser = new FormClient(server);
        await browser.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = admin.Email, ["Password"] = admin.Password });
        var reset = new HtmlParser().ParseDocument(await browser.PostAsync("/newsroom/admin/users", $"/newsroom/admin/users?handler=reset&id={targetId}", []));
        var password = reset.QuerySelector("#one-time-secret")!.TextContent;
        var cli = await BulletinCli.RunAsync(database, "users", "reset-password", "--email", "target@test.example");

        Assert.Equal(HttpStatusCode.OK, browser.LastStatus);
        Assert.Equal(0, cli.ExitCode);
        await using (var db = database.NewContext())
        {
            var rows = (await db.AuditLog.Where(a => a.Action == "user.reset-password").ToListAsync(TestContext.Current.CancellationToken))
                .OrderBy(a => a.At).ToList();
            Assert.Equal(["admin@test.example", "cli"], rows.Select(r => r.Actor));
            Assert.All(rows, r => Assert.Equal("user:target@test.example", r.Subject));
        }

        // The page's password was replaced by the shell's: it no longer signs in.
        Assert.NotEqual(HttpStatusCode.Redirect, (await SignInTests.SignInAsync(server, "target@test.example", password)).Response.StatusCode);
    }

    /// <summary>A password rule of the kind a newsroom may add (a breached-password list): it refuses one account's new passwords.</summary>
    private sealed class PasswordRule : IPasswordValidator<StaffUser>
    {
        public const string Description = "This password is on the list of breached passwords.";

        public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password) =>
            Task.FromResult(user.DisplayName == RefusesNewPasswords
                ? IdentityResult.Failed(new IdentityError { Code = "Breached", Description = Description })
                : IdentityResult.Success);
    }
}
