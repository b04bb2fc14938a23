using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Bulletin.Data;
using Bulletin.Feeds;
using Bulletin.Ingest.NewsMlG2;
using Bulletin.Testing;

namespace Bulletin.Tests;

public sealed class NewsMlG2OutTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewsMl_OfPublishedAndKilledStories_IsValidNewsMlG2_2_35AndReadsBack(DatabaseProvider provider)
    {
        var schema = Samples.Require("newsml-g2/specification/NewsML-G2_2.35-spec-All-Power.xsd");
        var listing = await File.ReadAllTextAsync(Samples.Require("newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml"), Cancel);
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", "--publish", "--section", "world", Samples.Require("pages/ytn-en-2024-10-16-russia-north-korea.txt"))).ExitCode);
        await TestStories.ImportAsync(database, [TestStories.Korean("밤사이 폭우로 도로 통제…출근길 주의", new DateTimeOffset(2025, 2, 28, 22, 3, 0, TimeSpan.FromHours(9)), "폭우", "출근길")]);
        var wire = Path.Combine(database.DataDirectory, "fed.xml");
        await File.WriteAllTextAsync(wire, listing, Cancel);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", "--publish", wire)).ExitCode);
        await using var server = await BulletinServer.StartAsync(database);
        using var list = JsonDocument.Parse(await server.Client.GetStringAsync(new Uri("/api/public/stories", UriKind.Relative), Cancel));
        var ids = list.RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        Assert.Equal(3, ids.Count);
        // The agency withdraws its item: it is killed here, and its NewsML-G2 says canceled.
        await File.WriteAllTextAsync(wire, listing.Replace("version=\"11\"", "version=\"12\"", StringComparison.Ordinal)
            .Replace("stat:usable", "stat:canceled", StringComparison.Ordinal), Cancel);
        Assert.Equal(0, (await BulletinCli.RunAsync(database, "import", wire)).ExitCode);

        var statuses = new List<string>();
        foreach (var id in ids)
        {
            var response = await server.Client.GetAsync(new Uri($"/api/public/stories/{id}/newsml", UriKind.Relative), Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(NewsMlG2Document.ContentType, response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
            var file = Path.Combine(database.DataDirectory, $"{id}.xml");
            await File.WriteAllBytesAsync(file, bytes, Cancel);

            var (exit, output) = await XmlLintAsync(schema, file);
            Assert.True(exit == 0, output);

            var read = Assert.Single(NewsMlG2Reader.Read(bytes));
            Assert.True(read.Ok, read.Error);
            Assert.Equal($"urn:uuid:{id}", read.Identity);
            statuses.Add(read.Killed ? "canceled" : "usable");
            if (!read.Killed && read.Story.Headline.StartsWith("Russia", StringComparison.Ordinal))
            {
                Assert.Equal("Russia even mentions military aid to North Korea...\"North Korea sends 3,000 troops to Ukraine\"", read.Story.Headline);
                Assert.Equal(new DateTimeOffset(2024, 10, 16, 9, 8, 0, TimeSpan.FromHours(9)), read.Story.PublishedAt);
                Assert.Contains("Dmitry Peskov", read.Story.Segments[0].Text, StringComparison.Ordinal);
            }
        }

        Assert.Equal(["canceled", "usable", "usable"], statuses.Order(StringComparer.Ordinal));
        var missing = await server.Client.GetAsync(new Uri($"/api/public/stories/{Guid.NewGuid()}/newsml", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Debian's libxml2 validator, offline: the schema imports its xml.xsd from beside it.</summary>
    private static async Task<(int Exit, string Output)> XmlLintAsync(string schema, string file)
    {
        if (!File.Exists("/usr/bin/xmllint"))
        {
            Assert.Skip("xmllint (libxml2-utils) is not installed.");
        }

        var start = new ProcessStartInfo("/usr/bin/xmllint") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "--noout", "--nonet", "--schema", schema, file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Cancel);
        var output = await process.StandardOutput.ReadToEndAsync(Cancel);
        await process.WaitForExitAsync(Cancel);
        return (process.ExitCode, output + await error);
    }
}
