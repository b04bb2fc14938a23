using System.Net;
using System.Text;
using Bulletin.Core.Workflow;
using Bulletin.Data;

namespace Bulletin.Tests;

public sealed class NewsroomPageAccessTests
{
    /// <summary>Each newsroom page and the roles that may open it; null: every member of staff.</summary>
    private static readonly (string Path, string? Role)[] Pages =
    [
        ("/newsroom", null),
        ("/newsroom/stories/edit", null),
        ("/newsroom/account/twofactor", null),
        ("/newsroom/account/password", null),
        ("/newsroom/account/tokens", null),
        ("/newsroom/desk/picks", StaffRoles.Editor),
        ("/newsroom/desk/banner", StaffRoles.Editor),
        ("/newsroom/admin/users", StaffRoles.Admin),
        ("/newsroom/admin/sections", StaffRoles.Admin),
        ("/newsroom/admin/audit", StaffRoles.Admin),
    ];

    [Fact]
    public async Task EveryNewsroomPage_ForEveryRoleAndAnonymous_OpensOnlyForItsRoles()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var mismatches = new StringBuilder();
        foreach (var role in StaffRoles.All.Append("anonymous"))
        {
            using var session = new FormClient(server);
            if (role != "anonymous")
            {
                var account = await StaffAccount.CreateAsync(server, $"{role}@test.example", role);
                await session.PostAsync("/newsroom/signin", "/newsroom/signin", new() { ["Email"] = account.Email, ["Password"] = account.Password });
            }

            foreach (var (path, allowed) in Pages)
            {
                await session.GetAsync(path);
                var expected = role == "anonymous" ? HttpStatusCode.Redirect
                    : allowed is null || allowed == role ? HttpStatusCode.OK
                    : HttpStatusCode.Redirect;
                // A refusal is a redirect to the right place: sign-in for a stranger, the denied page for staff.
                // Any other redirect (an error page, a loop) is no proof that the page was refused.
                var location = session.LastHeaders?.Location?.OriginalString ?? "";
                var expectedPlace = expected != HttpStatusCode.Redirect ? ""
                    : role == "anonymous" ? "/newsroom/signin" : "/newsroom/denied";
                var wentRightPlace = expectedPlace.Length == 0 || location.Contains(expectedPlace, StringComparison.OrdinalIgnoreCase);
                if (session.LastStatus != expected || !wentRightPlace)
                {
                    mismatches.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                        $"{role,-10} {path,-32} expected {(int)expected} {expectedPlace}, got {(int)session.LastStatus} {location}");
                }
            }
        }

        Assert.True(mismatches.Length == 0, mismatches.ToString());
    }
}
