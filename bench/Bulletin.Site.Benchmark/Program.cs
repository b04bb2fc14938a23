using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Bulletin.Import.Benchmark;
using Bulletin.Site.Benchmark;
using Microsoft.Data.Sqlite;

// The whole site over HTTP, as readers and staff reach it, against nginx serving the same story page as a file in the
// same run. For each archive size: generate the pages (half Korean), `bulletin import --publish` them with the release
// build, start the release server pinned to one core, drive it with wrk pinned to another, and print the figures.
// Usage: dotnet run -c Release --project bench/Bulletin.Site.Benchmark -- [--sizes 10k,100k,1m] [--seconds 10] ... (--help)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
// Site:PageSize's default; the server runs with it.
const int SectionPageSize = 20;
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

Console.WriteLine($"bulletin: {Bulletin.Site.Benchmark.Bulletin.Dll}");
Console.WriteLine($"server on core {options.ServerCore}, wrk on core {options.LoadCore} (one thread, {options.Connections} connections), " +
    $"{options.WarmUpSeconds} s warm-up and {options.Seconds} s measured per line; {Environment.ProcessorCount} cores, load average {ProcessStats.LoadAverage()}");
foreach (var size in options.Sizes)
{
    await RunSizeAsync(size, options);
}

return 0;

static async Task RunSizeAsync(int size, BenchOptions options)
{
    var work = Directory.CreateTempSubdirectory("bulletin-site-bench-");
    try
    {
        Console.WriteLine();
        Console.WriteLine($"== {size:N0} stories (work folder {work.FullName}; load average {ProcessStats.LoadAverage()})");
        var pages = Path.Combine(work.FullName, "pages");
        var textBytes = Generate(pages, size);
        Console.WriteLine($"generated {size:N0} pages, {textBytes / 1048576.0:N1} MB, half Korean, half English");

        var data = Path.Combine(work.FullName, "data");
        var bulletin = new Bulletin.Site.Benchmark.Bulletin(data);
        var migrate = await bulletin.RunAsync(["db", "migrate"]);
        Check(migrate, "db migrate");
        var import = await bulletin.RunAsync(["import", "--publish", "--section", "society", pages]);
        Check(import, "import");
        var summary = import.Output.Trim().Split('\n')[^1];
        Console.WriteLine($"import: {size / import.Wall.TotalSeconds:N0} stories/s over the process's life ({import.Wall.TotalSeconds:N1} s, " +
            $"{import.Cpu.TotalSeconds:N1} s of processor time, {size / import.Cpu.TotalSeconds:N0} stories per processor-second), " +
            $"peak memory {import.PeakBytes / 1048576.0:N0} MB");
        Console.WriteLine($"import's own summary: {summary}");
        var databaseBytes = Directory.EnumerateFiles(data, "bulletin.db*").Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"database: {databaseBytes / 1048576.0:N1} MB, {databaseBytes / (double)size:N0} bytes per story, " +
            $"{databaseBytes / (double)textBytes:N2}x the pages' bytes");

        const string email = "bench@bulletin.test";
        const string password = "Bench-password-1234";
        Check(await bulletin.RunAsync(["users", "add", "--email", email, "--role", "editor", "--password-stdin"], password + "\n"), "users add");
        var stories = ReadStories(Path.Combine(data, "bulletin.db"));

        using var server = bulletin.Serve(FreePort(), options.ServerCore,
        [
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Bulletin.Publishing.SearchIndexService=Information",
            // wrk comes from one address; the public API's per-address limit would answer it 429 after a second.
            "--PublicApi:RequestsPerMinute=1000000000",
        ]);
        var started = Stopwatch.StartNew();
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var firstPage = await FirstAnswerAsync(client, server, "/");
        var firstStory = await TimeAsync(client, server.BaseUrl + stories[0].Path);
        Console.WriteLine($"time to first page: {firstPage.TotalMilliseconds:N0} ms from starting the process (home); " +
            $"then a story page in {firstStory.TotalMilliseconds:N0} ms");

        var wrk = new Wrk(options, work.FullName);
        var shuffled = stories.Select(s => s.Path).OrderBy(_ => Random.Shared.Next()).ToList();
        var cachedStory = stories[stories.Count / 2].Path;
        // The random story pages are dealt out so that no page is asked for twice: the first fifth warms the JIT up,
        // the rest of the first half is read during the index rebuild, the second half is the uncached line's.
        var warmUpStories = shuffled.Take(shuffled.Count / 5).ToList();
        var rebuildStories = shuffled.Take(shuffled.Count / 2).Skip(warmUpStories.Count).ToList();
        var uncachedStories = shuffled.Skip(shuffled.Count / 2).ToList();
        string? duringRebuild = null;
        if (!RebuildDone(server))
        {
            // How the site serves while the index is rebuilt, against the same after it (both after the same JIT warm-up).
            await wrk.LoadAsync(server.BaseUrl, [cachedStory, .. warmUpStories], Math.Min(options.JitWarmUpSeconds, 10));
            if (!RebuildDone(server))
            {
                var during = await wrk.MeasureAsync(server.BaseUrl, rebuildStories, server.ProcessorTime, once: true);
                duringRebuild = $"{during.RequestsPerSecond:N0} requests/s, p50 {during.P50Ms:N1} ms, p99 {during.P99Ms:N1} ms " +
                    $"(uncached random story pages; at {LastProgress(server)})";
            }
        }

        var rebuild = Stopwatch.StartNew();
        while (!RebuildDone(server) && rebuild.Elapsed.TotalSeconds < options.RebuildTimeoutSeconds && !server.HasExited)
        {
            await Task.Delay(500);
        }

        Console.WriteLine(RebuildDone(server)
            ? $"search index rebuilt {started.Elapsed.TotalSeconds:N0} s after start ({LastProgress(server)})"
            : $"search index NOT rebuilt after {started.Elapsed.TotalSeconds:N0} s ({LastProgress(server)}): search figures are of a partial index");

        await wrk.LoadAsync(server.BaseUrl, [cachedStory, "/", "/section/society", .. warmUpStories], options.JitWarmUpSeconds);
        var cookie = await SignInAsync(client, server.BaseUrl, email, password);

        var page = await client.GetByteArrayAsync(server.BaseUrl + cachedStory);
        using var nginx = await Nginx.StartAsync(work.FullName, page, FreePort(), options.ServerCore);
        var queries = SearchQueries(stories);
        var rows = new List<(string What, string Path, WrkResult Result, double? FirstMs)>();

        // Each line's first path is asked for once, timed, and must answer 200 (wrk counts only 4xx and 5xx as
        // errors, so a redirect would pass for a page); any answer but 2xx during the run stops the benchmark too.
        async Task Line(string line, string what, IReadOnlyList<string> paths, IReadOnlyList<string>? headers = null, bool first = true,
            bool once = false)
        {
            if (!options.Runs(line))
            {
                return;
            }

            double? firstMs = first ? (await TimeAsync(client, server.BaseUrl + paths[0], headers, mustBeOk: true)).TotalMilliseconds : null;
            var result = await wrk.MeasureAsync(server.BaseUrl, paths, server.ProcessorTime, headers, once: once);
            if (result.Non2xx > 0)
            {
                throw new InvalidOperationException($"{what}: {result.Non2xx:N0} of {result.Requests:N0} answers were not 2xx (first path {paths[0]}).");
            }

            rows.Add((what, paths.Count == 1 ? paths[0] : $"{paths.Count:N0} paths", result, firstMs));
        }

        var nginxResult = await wrk.MeasureAsync(nginx.BaseUrl, [Nginx.PagePath], nginx.ProcessorTime);
        rows.Add(("nginx, the same story page as a file", Nginx.PagePath, nginxResult, null));
        await Line("cached", "story page, cached", [cachedStory], first: false);
        // Pages nothing asked for before, each once: the run ends when they run out.
        await Line("uncached", "story pages, random (uncached)", uncachedStories, first: false, once: true);
        await Line("home", "home", ["/"]);
        await Line("home", "home, English", ["/en"]);
        await Line("section", "section, page 1", ["/section/society"]);
        if (options.Runs("section"))
        {
            // Page 500, or the last page of a section too small to have one: every story is in society, half of them
            // Korean, 20 to a page (the site's default). The line's first request checks that the page answers 200;
            // the page after the last must not (asked for after, so as not to warm the page measured).
            var sectionPages = (stories.Count(s => s.Korean) + SectionPageSize - 1) / SectionPageSize;
            var deep = Math.Min(500, sectionPages);
            await Line("section", $"section, page {deep}" + (deep < 500 ? $" (its last of {sectionPages})" : ""), [$"/section/society?page={deep}"]);
            using var past = await client.GetAsync($"{server.BaseUrl}/section/society?page={sectionPages + 1}");
            if (past.StatusCode != HttpStatusCode.NotFound)
            {
                throw new InvalidOperationException($"Section page {sectionPages + 1} answered {(int)past.StatusCode}: the section has more pages than counted.");
            }
        }

        await Line("search", "search page, Korean and English", [.. queries.Select(q => "/search?q=" + Uri.EscapeDataString(q))]);
        await Line("search", "search API, Korean and English", [.. queries.Select(q => "/api/public/search?q=" + Uri.EscapeDataString(q))]);
        await Line("feeds", "feeds (RSS, Atom, JSON Feed, both editions)", ["/rss.xml", "/atom.xml", "/feed.json", "/en/rss.xml", "/en/atom.xml", "/en/feed.json"]);
        await Line("sitemaps", "sitemap index and news sitemap", ["/sitemap.xml", "/news-sitemap.xml"]);
        await Line("api", "public API, latest stories", ["/api/public/stories"]);
        await Line("desk", "desk (signed in)", ["/newsroom"], [$"Cookie: {cookie}"]);

        Console.WriteLine();
        Console.WriteLine($"{"what",-46} {"req/s",9} {"x nginx",8} {"p50 ms",8} {"p99 ms",8} {"cpu us/req",10} {"first ms",9} {"errors",7}");
        foreach (var (what, _, result, firstMs) in rows)
        {
            var errors = result.Non2xx + result.SocketErrors + result.Timeouts;
            Console.WriteLine($"{what,-46} {result.RequestsPerSecond,9:N0} {result.RequestsPerSecond / nginxResult.RequestsPerSecond,8:N3} " +
                $"{result.P50Ms,8:N2} {result.P99Ms,8:N2} {result.CpuMicrosPerRequest,10:N0} {(firstMs is { } ms ? ms.ToString("N1", CultureInfo.InvariantCulture) : "-"),9} {errors,7:N0}");
        }

        var uncached = rows.SingleOrDefault(r => r.What.StartsWith("story pages, random", StringComparison.Ordinal)).Result;
        if (uncached is not null)
        {
            Console.WriteLine($"(random story pages: {uncached.Requests:N0} pages, each asked for once, of {uncachedStories.Count:N0} " +
                $"not asked for before, in {uncached.Seconds:N1} s)");
        }

        Console.WriteLine(duringRebuild is null
            ? "during the search index rebuild: it was done before a measurement could start"
            : $"during the search index rebuild: {duringRebuild}" + (uncached is null ? "" : $"; after it: {uncached.RequestsPerSecond:N0} requests/s " +
              $"({duringRebuild.Split(' ')[0]} / {uncached.RequestsPerSecond:N0})"));
        Console.WriteLine($"load average at the end: {ProcessStats.LoadAverage()}");
    }
    finally
    {
        if (options.Keep)
        {
            Console.WriteLine($"kept {work.FullName}");
        }
        else
        {
            work.Delete(recursive: true);
        }
    }
}

static long Generate(string folder, int count)
{
    var generator = new PageGenerator(seed: 42, PageGenerator.LoadKoreanSentences());
    long bytes = 0;
    for (var i = 0; i < count; i++)
    {
        // A thousand files a folder, as an archive on disk is usually kept.
        var shard = Path.Combine(folder, (i / 1000).ToString("D4", CultureInfo.InvariantCulture));
        if (i % 1000 == 0)
        {
            Directory.CreateDirectory(shard);
        }

        var text = Encoding.UTF8.GetBytes(generator.Page(i));
        bytes += text.Length;
        File.WriteAllBytes(Path.Combine(shard, $"{i:D7}.txt"), text);
    }

    return bytes;
}

static void Check(Bulletin.Site.Benchmark.Bulletin.Run run, string what)
{
    if (run.ExitCode != 0)
    {
        throw new InvalidOperationException($"bulletin {what} failed ({run.ExitCode}): {run.Error} {run.Output}");
    }
}

static List<(string Path, string Headline, bool Korean)> ReadStories(string database)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT Language, Slug, Headline FROM Stories WHERE Status = 'Published' ORDER BY Id";
    using var reader = command.ExecuteReader();
    var stories = new List<(string, string, bool)>();
    while (reader.Read())
    {
        var korean = reader.GetString(0) == "Korean";
        stories.Add(((korean ? "" : "/en") + "/news/" + Uri.EscapeDataString(reader.GetString(1)), reader.GetString(2), korean));
    }

    return stories;
}

/// <summary>Words from the archive's own headlines, half Korean and half English, one or two to a query.</summary>
static List<string> SearchQueries(List<(string Path, string Headline, bool Korean)> stories)
{
    var random = new Random(7);
    var korean = stories.Where(s => s.Korean).Take(2000).SelectMany(s => s.Headline.Split(' ')).Where(w => w.Length >= 2 && !w.All(char.IsDigit)).Distinct().ToList();
    var english = stories.Where(s => !s.Korean).Take(2000).SelectMany(s => s.Headline.Split(' ')).Where(w => w.Length >= 4 && !w.All(char.IsDigit)).Distinct().ToList();
    var queries = new List<string>();
    for (var i = 0; i < 100; i++)
    {
        var words = i % 2 == 0 ? korean : english;
        queries.Add(i % 4 < 2 ? words[random.Next(words.Count)] : words[random.Next(words.Count)] + " " + words[random.Next(words.Count)]);
    }

    return queries;
}

static async Task<TimeSpan> FirstAnswerAsync(HttpClient client, Bulletin.Site.Benchmark.Bulletin.Server server, string path)
{
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed < TimeSpan.FromMinutes(5))
    {
        if (server.HasExited)
        {
            throw new InvalidOperationException("The server stopped: " + string.Join('\n', server.Log));
        }

        try
        {
            using var response = await client.GetAsync(server.BaseUrl + path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return clock.Elapsed;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(20);
    }

    throw new TimeoutException("The server did not answer within 5 minutes.");
}

static async Task<TimeSpan> TimeAsync(HttpClient client, string url, IReadOnlyList<string>? headers = null, bool mustBeOk = false)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, url);
    foreach (var header in headers ?? [])
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
    }

    var clock = Stopwatch.StartNew();
    using var response = await client.SendAsync(request);
    await response.Content.ReadAsByteArrayAsync();
    var elapsed = clock.Elapsed;
    if (mustBeOk && response.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}, not 200: its line would measure something else.");
    }

    return elapsed;
}

/// <summary>Signs in through the sign-in form, as a browser does, and returns the cookies for wrk to send.</summary>
static async Task<string> SignInAsync(HttpClient client, string baseUrl, string email, string password)
{
    // Redirects are not followed: the cookie comes with the sign-in's redirect, and a desk that sends the client back
    // to the sign-in page must not pass for a desk.
    using var form = await client.GetAsync(baseUrl + "/newsroom/signin");
    var html = await form.Content.ReadAsStringAsync();
    var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var cookies = form.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).ToList() : [];
    using var post = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/newsroom/signin")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }),
    };
    post.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", cookies));
    using var signedIn = await client.SendAsync(post);
    cookies.AddRange(signedIn.Headers.TryGetValues("Set-Cookie", out var more) ? more.Select(c => c.Split(';')[0]) : []);
    var cookie = string.Join("; ", cookies);
    using var check = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/newsroom");
    check.Headers.TryAddWithoutValidation("Cookie", cookie);
    using var desk = await client.SendAsync(check);
    if (desk.StatusCode != HttpStatusCode.OK)
    {
        throw new InvalidOperationException($"Signing in failed: the desk answered {(int)desk.StatusCode}.");
    }

    return cookie;
}

static bool RebuildDone(Bulletin.Site.Benchmark.Bulletin.Server server) =>
    server.Log.Any(l => l.Contains("The search index was rebuilt", StringComparison.Ordinal));

static string LastProgress(Bulletin.Site.Benchmark.Bulletin.Server server) =>
    server.Log.LastOrDefault(l => l.Contains("search index", StringComparison.Ordinal))?.Trim() ?? "no log line yet";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
