using System.Net.Http.Headers;
using Bulletin.Data;
using Bulletin.Data.Staff;
using Bulletin.Newsroom;
using Bulletin.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

/// <summary>A member of staff made for one test, with a password and an API token.</summary>
internal sealed record StaffAccount(string Email, string Password, string Token, IReadOnlyList<string> Roles)
{
    public static async Task<StaffAccount> CreateAsync(BulletinServer server, string email, params string[] roles)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
        var password = StaffPasswords.New();
        var user = new StaffUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        var (token, row) = AccessToken.Issue(user.Id, "test", TimeProvider.System.GetUtcNow());
        db.AccessTokens.Add(row);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return new StaffAccount(email, password, token, roles);
    }

    /// <summary>An API client that sends this account's token.</summary>
    public HttpClient Api(BulletinServer server)
    {
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
