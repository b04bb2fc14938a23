using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bulletin.Core.Text;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.Playwright;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// The Big List of Naughty Strings and the XSS payload lists from the samples, sent in by staff as headlines,
/// script lines and tags, and read back everywhere a reader or an editor meets them: the story page parsed (the
/// same text back, one JSON-LD block that parses, no markup of the attacker's), a real Chromium on the public and
/// the newsroom pages (no dialog ever opens), feeds and sitemaps parsed as XML, ninjs and the public API as JSON.
/// </summary>
public sealed partial class HostileTextTests
{
    private const int StringsPerStory = 25;

    [Fact]
    public async Task NaughtyStringsAndXssPayloads_FromTheStaffApi_ComeBackAsTheSameInertTextOnEverySurface()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var corpus = Corpus();
        Assert.True(corpus.Count > 1000, $"only {corpus.Count} strings in the corpus");

        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);

        var stories = new List<(Guid Id, string Url, JsonNode Stored)>();
        foreach (var group in corpus.Chunk(StringsPerStory))
        {
            var story = new JsonObject
            {
                ["headline"] = "hostile " + group[0],
                ["language"] = stories.Count % 2 == 0 ? "ko" : "en",
                ["tags"] = new JsonArray(group.Skip(1).Take(2).Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["segments"] = new JsonArray(group.Select(s => (JsonNode?)new JsonObject { ["kind"] = "reporter", ["text"] = s }).ToArray()),
            };
            var response = await api.PostAsJsonAsync("/api/newsroom/stories", story, cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Created,
                $"creating a story of {JsonSerializer.Serialize(group[0])}...: {response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            var id = (await ReadAsync(response))["id"]!.GetValue<Guid>();
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "submit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "approve")).StatusCode);
            var published = await ReadAsync(await ActAsync(api, id, "publish"));
            stories.Add((id, published["url"]!.GetValue<string>(), published["story"]!));
        }

        var parser = new HtmlParser();
        foreach (var (id, url, stored) in stories)
        {
            var headline = stored["headline"]!.GetValue<string>();
            var response = await server.Client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync(cancellationToken));

            Assert.Equal(headline, document.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal(headline, document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
            var jsonLd = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
            Assert.Equal(headline, Headline(JsonDocument.Parse(jsonLd.TextContent).RootElement));
            var body = Collapse(document.Body!.TextContent);
            foreach (var segment in stored["segments"]!.AsArray())
            {
                var text = Collapse(segment!["text"]!.GetValue<string>());
                Assert.True(body.Contains(text, StringComparison.Ordinal), $"{url} does not show {JsonSerializer.Serialize(text)}");
            }

            AssertNoMarkupOfTheAttacker(document, url);

            var ninjs = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri($"/api/public/stories/{id}/ninjs", UriKind.Relative), cancellationToken));
            Assert.Equal(headline, ninjs.RootElement.GetProperty("headlines")[0].GetProperty("value").GetString());
        }

        foreach (var feed in new[] { "/rss.xml", "/atom.xml", "/en/rss.xml", "/news-sitemap.xml", "/sitemap.xml", "/sitemaps/stories-1.xml" })
        {
            var response = await server.Client.GetAsync(new Uri(feed, UriKind.Relative), cancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{feed}: {response.StatusCode}");
            XDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        }

        var latest = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/public/stories", UriKind.Relative), cancellationToken));
        Assert.True(latest.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array);

        // A real browser, on every story page, the home page, a search for the payloads and, signed in, each
        // story's editor: an alert, confirm or prompt from any payload would open a dialog.
        await using var browser = await Browser.LaunchAsync();
        var dialogs = new List<string>();
        var reader = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { BaseURL = server.Address.ToString().TrimEnd('/') });
        reader.Dialog += (_, dialog) =>
        {
            dialogs.Add($"{reader.Url}: {dialog.Type} {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        foreach (var path in stories.Select(s => new Uri(s.Url, UriKind.RelativeOrAbsolute).IsAbsoluteUri ? new Uri(s.Url).PathAndQuery : s.Url)
                     .Concat(["/", "/en", "/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"), "/search?q=javascript"]))
        {
            var answer = await reader.GotoAsync(path);
            Assert.True(answer?.Status == 200, $"{path}: {answer?.Status}");
        }

        var newsroom = await browser.SignedInAsync(server, editor.Email, editor.Password);
        newsroom.Dialog += (_, dialog) =>
        {
            dialogs.Add($"{newsroom.Url}: {dialog.Type} {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        await newsroom.GotoAsync("/newsroom");
        foreach (var (id, _, _) in stories)
        {
            var answer = await newsroom.GotoAsync($"/newsroom/stories/edit/{id}");
            Assert.True(answer?.Status == 200, $"editor of {id}: {answer?.Status}");
            await newsroom.GotoAsync($"/newsroom/stories/history/{id}");
        }

        Assert.True(dialogs.Count == 0, "A payload ran: " + string.Join("; ", dialogs));
    }

    [Fact]
    public async Task NaughtyStringsAndXssPayloads_SentAsWebTips_ReachTheDeskAsTheSameInertText()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var corpus = Corpus();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Tips:SubmissionsPerWindow=1000"]);
        var desk = await StaffAccount.CreateAsync(server, "desk@test.example", StaffRoles.TipDesk);

        var sent = new List<string[]>();
        foreach (var group in corpus.Chunk(StringsPerStory))
        {
            var (response, page) = await TipTestKit.PostAsync(server.Client, sent.Count % 2 == 0 ? "/tips" : "/en/tips",
                TipTestKit.TipForm(string.Join("\n", group), contact: group[^1].Length <= 500 ? group[^1] : null));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"a tip of {JsonSerializer.Serialize(group[0])}...: {response.StatusCode}");
            AssertNoMarkupOfTheAttacker(page, "the receipt page");
            sent.Add(group);
        }

        List<Guid> ids;
        await using (var db = database.NewContext())
        {
            ids = [.. db.ReaderTips.Select(t => t.Id)];
        }

        Assert.Equal(sent.Count, ids.Count);
        await using var browser = await Browser.LaunchAsync();
        var deskPage = await browser.SignedInAsync(server, desk.Email, desk.Password);
        var dialogs = new List<string>();
        deskPage.Dialog += (_, dialog) =>
        {
            dialogs.Add($"{deskPage.Url}: {dialog.Type} {dialog.Message}");
            _ = dialog.DismissAsync();
        };
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var answer = await deskPage.GotoAsync($"/newsroom/tips/tip/{id}");
            Assert.True(answer?.Status == 200, $"tip {id}: {answer?.Status}");
            var document = new HtmlParser().ParseDocument(await deskPage.ContentAsync());
            AssertNoMarkupOfTheAttacker(document, $"tip {id}");
            shown.Add(Collapse(document.Body!.TextContent));
        }

        await deskPage.GotoAsync("/newsroom/tips");
        Assert.True(dialogs.Count == 0, "A payload ran: " + string.Join("; ", dialogs));

        // Every string reached the desk whole: each is on the page of the tip it was sent in.
        foreach (var group in sent)
        {
            // As the channel keeps them: control characters dropped at input, everything else as typed.
            var expected = group.Select(s => Collapse(InputText.Clean(s))).Where(s => s.Length > 0).ToList();
            var best = shown.MaxBy(p => expected.Count(s => p.Contains(s, StringComparison.Ordinal)))!;
            var missing = expected.Where(s => !best.Contains(s, StringComparison.Ordinal)).ToList();
            Assert.True(missing.Count == 0, "Not on the desk as sent: " + string.Join(" | ", missing.Select(m => JsonSerializer.Serialize(m))));
        }
    }

    /// <summary>
    /// No element, attribute or URL of the attacker's made it into the page as markup: the only scripts are the
    /// JSON-LD block and the site's own files, no element has an event handler, and no link or frame runs script.
    /// </summary>
    private static void AssertNoMarkupOfTheAttacker(IDocument document, string url)
    {
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var ownFile = script.GetAttribute("src") is { } src && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal);
            Assert.True(script.GetAttribute("type") == "application/ld+json" || ownFile, $"{url}: a script that is not the site's: {script.OuterHtml}");
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{url}: {element.TagName} has {attribute.Name}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "data" or "srcdoc" or "xlink:href")
                {
                    Assert.False(ScriptUrl().IsMatch(attribute.Value), $"{url}: {element.TagName} {attribute.Name}={attribute.Value}");
                }
            }
        }

        Assert.Empty(document.QuerySelectorAll("iframe, object, embed, frame, frameset, base, svg, math, form[action^='http']"));
    }

    private static string? Headline(JsonElement root) =>
        root.ValueKind == JsonValueKind.Array ? Headline(root[0])
        : root.TryGetProperty("@graph", out var graph) ? Headline(graph[0])
        : root.GetProperty("headline").GetString();

    private static List<string> Corpus()
    {
        var naughty = JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Samples.Require("security/strings/blns.json")))!;
        var xss = Directory.GetFiles(Samples.Require("security/xss"), "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines);
        return [.. naughty.Concat(xss).Where(s => !string.IsNullOrWhiteSpace(s) && Readable().IsMatch(s)).Distinct(StringComparer.Ordinal)];
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"^\s*(javascript|vbscript|data)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>A string with at least one letter, digit or symbol that input cleaning keeps (not only controls).</summary>
    [GeneratedRegex(@"[\p{L}\p{N}\p{P}\p{S}]")]
    private static partial Regex Readable();
}
