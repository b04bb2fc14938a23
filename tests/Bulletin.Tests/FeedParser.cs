using System.Diagnostics;
using System.Text.Json;

namespace Bulletin.Tests;

/// <summary>
/// Debian's python3-feedparser, a real feed reader, fetching our feeds over HTTP. Tests that use it skip, saying so,
/// where it is not installed (`apt-get install python3-feedparser`; test.sh installs it as root).
/// </summary>
internal static class FeedParser
{
    private const string Python = "/usr/bin/python3";

    // Prints, for each URL, what a reader would show: the feed's format, whether it was well-formed (bozo),
    // its title and link, and its entries.
    private const string Script = """
        import json, sys
        try:
            import feedparser
        except ImportError:
            sys.exit(3)
        out = []
        for url in sys.argv[1:]:
            d = feedparser.parse(url)
            out.append({
                "url": url,
                "status": d.get("status"),
                "version": d.get("version") or "",
                "bozo": bool(d.get("bozo")),
                "bozoException": str(d.get("bozo_exception") or ""),
                "title": d.feed.get("title"),
                "link": d.feed.get("link"),
                "entries": [{
                    "title": e.get("title"),
                    "link": e.get("link"),
                    "id": e.get("id"),
                    "content": (e.get("content") or [{}])[0].get("value") or e.get("summary") or "",
                    "published": e.get("published_parsed") is not None,
                    "media": [dict(m) for m in e.get("media_content") or []],
                } for e in d.entries],
            })
        print(json.dumps({"version": feedparser.__version__, "feeds": out}, ensure_ascii=False))
        """;

    public static async Task<JsonElement> ParseAsync(IEnumerable<Uri> urls)
    {
        if (!File.Exists(Python))
        {
            Assert.Skip($"{Python} is not installed; the feed reader check needs Debian's python3-feedparser.");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var url in urls)
        {
            start.ArgumentList.Add(url.AbsoluteUri);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode == 3)
        {
            Assert.Skip("Python's feedparser is not installed (apt-get install python3-feedparser); the feed reader check is skipped.");
        }

        Assert.True(process.ExitCode == 0, await error);
        return JsonDocument.Parse(await output).RootElement.Clone();
    }
}
