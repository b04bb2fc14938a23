using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;

namespace Bulletin.Tests;

/// <summary>
/// Two nodes of one site on one PostgreSQL database, each with its own data directory: a member of staff signed in
/// through one is signed in on the other, and a form fetched from one may be posted to the other (a load balancer
/// sends each request where it likes).
/// </summary>
public sealed class CrossNodeSessionTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedInOnOneNode_IsSignedInOnTheOther_AndItsFormsPostThere()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        var otherFolder = Directory.CreateTempSubdirectory("bulletin-node-b-").FullName;
        try
        {
            await using var a = await BulletinServer.StartAsync(database);
            await using var b = await BulletinServer.StartAsync(database, dataDirectory: otherFolder);
            var editor = await StaffAccount.CreateAsync(a, "editor@test.example", StaffRoles.Editor);

            // One browser: the nodes share 127.0.0.1, so its cookies go to both, as they would behind one address.
            var cookies = new CookieContainer();
            using var toA = Client(a, cookies);
            using var toB = Client(b, cookies);

            // The form comes from A and is posted to B: B must read A's antiforgery cookie and token.
            var form = await toA.GetStringAsync(new Uri("/newsroom/signin", UriKind.Relative), Cancel);
            var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var signedIn = await toB.PostAsync("/newsroom/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = editor.Email,
                ["Password"] = editor.Password,
                ["__RequestVerificationToken"] = token,
            }), Cancel);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in on B with A's form answered {(int)signedIn.StatusCode}");

            // The session cookie B set opens the newsroom on A.
            using var onA = await toA.GetAsync(new Uri("/newsroom", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
            using var onB = await toB.GetAsync(new Uri("/newsroom", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
        }
        finally
        {
            Directory.Delete(otherFolder, recursive: true);
        }
    }

    private static HttpClient Client(BulletinServer node, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node.Address };
}
