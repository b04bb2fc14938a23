using System.Net;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;

namespace Bulletin.Tests;

/// <summary>
/// The open-redirect payload list from the samples, tried where a visitor's input could choose a redirect: the
/// sign-in page's return address (the only one; every other redirect is a fixed path), and the public site's paths.
/// After each, the browser must still be on Bulletin's own host.
/// </summary>
public sealed class OpenRedirectTests
{
    [Fact]
    public async Task SignIn_WithEveryOpenRedirectPayloadAsItsReturnAddress_StaysOnTheSite()
    {
        var payloads = Payloads();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        // One person signs in once per payload: the throttles that would stop a guesser are lifted for the test.
        await using var server = await BulletinServer.StartAsync(database, settings:
            ["--Newsroom:SignInAttemptsPerClientPerMinute=100000", "--Newsroom:SignInAttemptsPerAccountPerMinute=100000"]);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);

        var escaped = new List<string>();
        foreach (var payload in payloads)
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = server.Address,
            };
            var form = await client.GetStringAsync(new Uri("/newsroom/signin?ReturnUrl=" + Uri.EscapeDataString(payload), UriKind.Relative),
                TestContext.Current.CancellationToken);
            var antiforgery = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var signIn = await client.PostAsync(new Uri("/newsroom/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = editor.Email,
                ["Password"] = editor.Password,
                ["ReturnUrl"] = payload,
                ["__RequestVerificationToken"] = antiforgery,
            }), TestContext.Current.CancellationToken);
            if (signIn.StatusCode != HttpStatusCode.Redirect)
            {
                var page = await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.Fail($"{payload}: {(int)signIn.StatusCode} {page[..Math.Min(page.Length, 400)]}");
            }
            if (!OnTheSite(server, signIn.Headers.Location))
            {
                escaped.Add($"{payload} -> {signIn.Headers.Location}");
            }
        }

        Assert.True(escaped.Count == 0, "sent off the site: " + string.Join(" | ", escaped));
    }

    [Fact]
    public async Task PublicPaths_MadeOfOpenRedirectPayloads_NeverRedirectOffTheSite()
    {
        var payloads = Payloads();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, demo: true);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };

        var escaped = new List<string>();
        var answered = 0;
        foreach (var payload in payloads)
        {
            // Each payload as the path itself and after the site's own prefixes, as a crafted link would carry it.
            foreach (var path in new[] { "/" + payload.TrimStart('/'), "/en/" + payload.TrimStart('/'), "/newsroom/" + payload.TrimStart('/') })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, server.Address.GetLeftPart(UriPartial.Authority) + path);
                HttpResponseMessage response;
                try
                {
                    response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                }
                catch (UriFormatException)
                {
                    continue; // not a request a browser could send
                }

                using (response)
                {
                    answered++;
                    Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
                    if ((int)response.StatusCode is >= 300 and < 400 && !OnTheSite(server, response.Headers.Location))
                    {
                        escaped.Add($"{path} -> {response.Headers.Location}");
                    }
                }
            }
        }

        Assert.True(answered > payloads.Count, $"only {answered} requests were sent");
        Assert.True(escaped.Count == 0, "sent off the site: " + string.Join(" | ", escaped));
    }

    /// <summary>Where a browser would go: the Location read against the page's address, as browsers read it.</summary>
    private static bool OnTheSite(BulletinServer server, Uri? location)
    {
        if (location is null)
        {
            return false;
        }

        // Browsers treat a backslash as a slash in http(s) addresses, so "/\host" is "//host".
        var text = location.OriginalString.Replace('\\', '/');
        if (!Uri.TryCreate(server.Address, text, out var target))
        {
            return false;
        }

        return target.Scheme == server.Address.Scheme && target.Authority == server.Address.Authority;
    }

    private static List<string> Payloads()
    {
        var lines = File.ReadAllLines(Samples.Require("security/redirect-ssrf/Open-Redirect-payloads.txt"))
            .Where(l => l.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(lines.Count > 200, $"only {lines.Count} payloads");
        return lines;
    }
}
