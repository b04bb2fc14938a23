using System.Net;
using System.Net.Http.Headers;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class UsersCommandTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UsersVerbs_AddListTokenRevokeDisable_WorkAgainstTheServer(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);

        var add = await BulletinCli.RunAsync(database, "users", "add", "--email", "desk@test.example", "--role", "editor", "--name", "데스크");
        var bad = await BulletinCli.RunAsync(database, "users", "add", "--email", "x@test.example", "--role", "chief");
        var token = (await BulletinCli.RunAsync(database, "users", "token", "--email", "desk@test.example")).Output.Trim();
        var list = await BulletinCli.RunAsync(database, "users", "list");

        Assert.Equal(0, add.ExitCode);
        Assert.Matches("One-time password: \\S{10,}", add.Output);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("'chief' is not a role", bad.Error, StringComparison.Ordinal);
        Assert.StartsWith("bnt_", token, StringComparison.Ordinal);
        Assert.Matches("desk@test.example\\s+editor\\s+active", list.Output);

        await using (var server = await BulletinServer.StartAsync(database))
        {
            using var api = new HttpClient { BaseAddress = server.Address };
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var id = Guid.CreateVersion7();
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/newsroom/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

            var revoke = await BulletinCli.RunAsync(database, "users", "revoke-tokens", "--email", "desk@test.example");
            Assert.Equal(0, revoke.ExitCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri($"/api/newsroom/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

            var second = (await BulletinCli.RunAsync(database, "users", "token", "--email", "desk@test.example")).Output.Trim();
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/newsroom/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
            var disable = await BulletinCli.RunAsync(database, "users", "disable", "--email", "desk@test.example");
            Assert.Equal(0, disable.ExitCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri($"/api/newsroom/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        }

        var afterDisable = await BulletinCli.RunAsync(database, "users", "list");
        Assert.Matches("desk@test.example\\s+editor\\s+disabled", afterDisable.Output);
    }

    [Fact]
    public async Task UsersUnlock_LiftsALockout_AndTheOwnerSignsInAgainAtOnce()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var reporter = await StaffAccount.CreateAsync(server, "reporter@test.example", Bulletin.Core.Workflow.StaffRoles.Reporter);
        for (var i = 0; i < 5; i++)
        {
            await SignInTests.SignInAsync(server, reporter.Email, "wrong-" + i);
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInTests.SignInAsync(server, reporter.Email, reporter.Password)).Response.StatusCode);
        var unlock = await BulletinCli.RunAsync(database, "users", "unlock", "--email", reporter.Email);

        Assert.Equal(0, unlock.ExitCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInTests.SignInAsync(server, reporter.Email, reporter.Password)).Response.StatusCode);
    }
}
