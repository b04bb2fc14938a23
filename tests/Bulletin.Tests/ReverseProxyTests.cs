using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AngleSharp.Html.Parser;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// The README's nginx configuration for several nodes (deploy/nginx/bulletin.conf, the same text) run as written,
/// with only the listen address, the certificate and the upstream addresses filled in, in front of three real
/// `bulletin` processes on PostgreSQL and Redis: readers and staff go through it over TLS, and a node killed
/// outright in the middle of traffic costs the readers no failed request.
/// </summary>
public sealed class ReverseProxyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDocumentedNginx_InFrontOfThreeNodes_ServesPagesAndSignIn_AndHidesANodeKilledMidTraffic()
    {
        var redis = Environment.GetEnvironmentVariable(SharedStateTests.RedisVariable);
        if (string.IsNullOrWhiteSpace(redis))
        {
            Assert.Skip($"Skipped: no Redis configured ({SharedStateTests.RedisVariable} is not set; test.sh sets it).");
        }

        foreach (var (tool, package) in new[] { ("/usr/sbin/nginx", "nginx-light"), ("/usr/bin/openssl", "openssl") })
        {
            if (!File.Exists(tool))
            {
                var why = $"{tool} is not installed (test.sh installs Debian's {package})";
                if (Environment.GetEnvironmentVariable("CI") == "true")
                {
                    Assert.Fail($"Under CI the reverse proxy must be tested, but {why}.");
                }

                Assert.Skip($"Skipped: {why}.");
            }
        }

        var documented = await File.ReadAllTextAsync(Path.Combine(Samples.RepositoryRoot, "deploy", "nginx", "bulletin.conf"), Cancel);
        var readme = await File.ReadAllTextAsync(Path.Combine(Samples.RepositoryRoot, "README.md"), Cancel);
        Assert.True(readme.Contains("```nginx\n" + documented + "```", StringComparison.Ordinal),
            "README's nginx configuration is not deploy/nginx/bulletin.conf word for word; the test runs the file");

        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        var work = Directory.CreateTempSubdirectory("bulletin-proxy-");
        var folders = Enumerable.Range(0, 3).Select(n => Path.Combine(work.FullName, $"node-{n}")).ToArray();
        var tipsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        (string, string)[] Settings(int node) =>
        [
            ("BULLETIN_DATA_DIR", Directory.CreateDirectory(folders[node]).FullName),
            ("Redis__Configuration", redis),
            ("Redis__KeyPrefix", $"proxy-{Path.GetFileName(database.DataDirectory)}:"),
            ("Tips__Key", tipsKey),
            // As the README says for each node behind the proxy.
            ("Hosting__KnownProxies__0", "127.0.0.1"),
        ];
        var nodes = new BulletinProcess?[3];
        Process? nginx = null;
        try
        {
            var starting = Enumerable.Range(0, 3).Select(i => BulletinProcess.StartAsync(database, Settings(i))).ToArray();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                for (var i = 0; i < 3; i++)
                {
                    nodes[i] = starting[i].IsCompletedSuccessfully ? await starting[i] : null;
                }
            }

            var (port, certificate) = (FreePort(), MakeCertificate(work.FullName));
            nginx = await StartNginxAsync(work.FullName, Fill(documented, port, work.FullName, [.. nodes.Select(n => n!.Address)]), port);
            var site = new Uri($"https://127.0.0.1:{port}");
            using var handler = Trusting(certificate, new CookieContainer());
            using var reader = new HttpClient(handler) { BaseAddress = site, DefaultRequestVersion = HttpVersion.Version20 };

            // Pages: a story published through the proxy is on the home page and has its own page, over HTTP/2.
            var editor = await EditorAsync(database);
            using var apiHandler = Trusting(certificate, new CookieContainer());
            using var api = new HttpClient(apiHandler) { BaseAddress = site };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", editor.Token);
            var path = await PublishAsync(api, "한파 특보 발효");
            await Eventually.UntilAsync("the story on the home page through nginx", async () =>
                (await reader.GetStringAsync(new Uri("/", UriKind.Relative), Cancel)).Contains("한파 특보 발효", StringComparison.Ordinal));
            using (var page = await reader.GetAsync(new Uri(path, UriKind.Relative), Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Equal(HttpVersion.Version20, page.Version);
                Assert.Contains("한파 특보 발효", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
            }

            // Staff sign-in: the form and the post may reach different nodes; the cookies are __Host- and Secure
            // because the nodes believe the proxy's X-Forwarded-Proto.
            var cookies = new CookieContainer();
            using (var staffHandler = Trusting(certificate, cookies, redirects: false))
            using (var staff = new HttpClient(staffHandler) { BaseAddress = site })
            {
                var form = await staff.GetStringAsync(new Uri("/newsroom/signin", UriKind.Relative), Cancel);
                var token = new HtmlParser().ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
                using var signedIn = await staff.PostAsync(new Uri("/newsroom/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["Email"] = editor.Email,
                    ["Password"] = editor.Password,
                    ["__RequestVerificationToken"] = token,
                }), Cancel);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
                var set = signedIn.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
                Assert.Contains(set, c => c.StartsWith("__Host-", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
                // Three times, so the session is shown by more than one node (least_conn spreads them).
                for (var i = 0; i < 3; i++)
                {
                    using var newsroom = await staff.GetAsync(new Uri("/newsroom", UriKind.Relative), Cancel);
                    Assert.True(newsroom.StatusCode == HttpStatusCode.OK, $"the newsroom through nginx answered {(int)newsroom.StatusCode} {newsroom.Headers.Location}");
                }
            }

            // Readers on the home page and the story while node A is SIGKILLed: nginx sends what A cannot answer
            // to the next node (proxy_next_upstream), so no reader sees an error.
            using var traffic = new CancellationTokenSource();
            var readers = Enumerable.Range(0, 4).Select(i => ReadAllTheTimeAsync(reader, i % 2 == 0 ? "/" : path, traffic.Token)).ToArray();
            await Task.Delay(1500, Cancel);
            var killedAt = Stopwatch.GetTimestamp();
            await nodes[0]!.KillAsync();
            await Task.Delay(3000, Cancel);
            await traffic.CancelAsync();
            var results = await Task.WhenAll(readers);
            var latencies = results.SelectMany(r => r.Latencies).OrderBy(l => l.Milliseconds).ToArray();
            var failures = results.SelectMany(r => r.Failures).ToArray();
            var afterKill = results.Sum(r => r.Latencies.Count(l => l.At > killedAt));
            var a = nodes[0]!.Address.Authority;
            var byA = latencies.Count(l => l.At < killedAt && l.Upstream == a);
            var retried = latencies.Count(l => l.Upstream.Contains(',', StringComparison.Ordinal));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"through nginx, 4 readers, node A SIGKILLed after 1.5 s: {latencies.Length} requests served ({afterKill} after the kill), " +
                $"{failures.Length} failed; latency p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, " +
                $"max {(latencies.Length > 0 ? latencies[^1].Milliseconds : 0):0.0} ms; " +
                $"node A answered {byA} before it died; {retried} requests were sent on to another node by nginx after failing on the first");
            // Node A had its share of the readers, so its death was in their way.
            Assert.True(byA > 0, "nginx sent node A no request before it was killed; the kill proved nothing");
            Assert.True(failures.Length == 0, $"readers saw {failures.Length} failed requests while a node died: {string.Join("; ", failures.Distinct().Take(5))}");
            Assert.True(afterKill > 0, "no request was served after the node was killed");
        }
        finally
        {
            if (nginx is not null)
            {
                if (!nginx.HasExited)
                {
                    nginx.Kill();
                    await nginx.WaitForExitAsync(CancellationToken.None);
                }

                nginx.Dispose();
            }

            foreach (var node in nodes)
            {
                if (node is not null)
                {
                    await node.DisposeAsync();
                }
            }

            work.Delete(recursive: true);
        }
    }

    /// <summary>The documented file with this run's listen address, certificate and nodes; nothing else changed.</summary>
    private static string Fill(string documented, int port, string folder, IReadOnlyList<Uri> nodes)
    {
        var filled = Replace(documented, "listen 443 ssl http2;", $"listen 127.0.0.1:{port} ssl http2;");
        filled = Replace(filled, "/etc/ssl/news.example.crt", Path.Combine(folder, "proxy.crt"));
        filled = Replace(filled, "/etc/ssl/news.example.key", Path.Combine(folder, "proxy.key"));
        for (var i = 0; i < 3; i++)
        {
            filled = Replace(filled, $"server 127.0.0.1:500{i + 1} ", $"server {nodes[i].Authority} ");
        }

        return filled;
    }

    private static string Replace(string text, string documented, string filled)
    {
        Assert.True(text.Contains(documented, StringComparison.Ordinal), $"the documented nginx configuration no longer has '{documented}'");
        return text.Replace(documented, filled, StringComparison.Ordinal);
    }

    /// <summary>A self-signed certificate for the proxy, made by openssl as an operator would for a test site.</summary>
    private static X509Certificate2 MakeCertificate(string folder)
    {
        var start = new ProcessStartInfo("/usr/bin/openssl",
            ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=news.example",
                "-keyout", Path.Combine(folder, "proxy.key"), "-out", Path.Combine(folder, "proxy.crt")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var openssl = Process.Start(start)!;
        var errors = openssl.StandardError.ReadToEnd();
        openssl.WaitForExit();
        Assert.True(openssl.ExitCode == 0, $"openssl could not make a certificate: {errors}");
        return X509CertificateLoader.LoadCertificateFromFile(Path.Combine(folder, "proxy.crt"));
    }

    /// <summary>
    /// nginx in the foreground with its own pid, log and temporary folders, the documented server in its http block.
    /// Its workers run as nobody, so what they write to must be theirs to write.
    /// </summary>
    private static async Task<Process> StartNginxAsync(string folder, string server, int port)
    {
        var temp = Directory.CreateDirectory(Path.Combine(folder, "nginx-temp")).FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, File.GetUnixFileMode(folder) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
            File.SetUnixFileMode(temp, (UnixFileMode)0x1FF);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "bulletin.conf"), server, Cancel);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/nginx-error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                # Which node answered (and, after a retry, which were tried first): inherited by the documented
                # server, which adds no headers of its own.
                add_header X-Upstream $upstream_addr always;
                client_body_temp_path {{temp}}/body;
                proxy_temp_path {{temp}}/proxy;
                fastcgi_temp_path {{temp}}/fastcgi;
                uwsgi_temp_path {{temp}}/uwsgi;
                scgi_temp_path {{temp}}/scgi;
                include {{folder}}/bulletin.conf;
            }
            """, Cancel);
        var start = new ProcessStartInfo("/usr/sbin/nginx", ["-p", folder, "-e", Path.Combine(folder, "nginx-error.log"), "-c", Path.Combine(folder, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        var nginx = Process.Start(start)!;
        await Eventually.UntilAsync("nginx to listen", async () =>
        {
            Assert.False(nginx.HasExited, $"nginx exited: {await nginx.StandardError.ReadToEndAsync(Cancel)} {ErrorLog(folder)}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, Cancel);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        });
        return nginx;
    }

    private static string ErrorLog(string folder) =>
        File.Exists(Path.Combine(folder, "nginx-error.log")) ? File.ReadAllText(Path.Combine(folder, "nginx-error.log")) : "";

    /// <summary>A client that trusts this run's certificate and nothing else.</summary>
    private static SocketsHttpHandler Trusting(X509Certificate2 certificate, CookieContainer cookies, bool redirects = true) => new()
    {
        CookieContainer = cookies,
        AllowAutoRedirect = redirects,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString(),
        },
    };

    /// <summary>One answered request: when it ended (a Stopwatch timestamp) and how long it took.</summary>
    private sealed record Served(long At, double Milliseconds, string Upstream);

    /// <summary>Reads one page back to back until stopped; each answer's time, and what went wrong with any other.</summary>
    private static async Task<(List<Served> Latencies, List<string> Failures)> ReadAllTheTimeAsync(HttpClient reader, string path, CancellationToken stop)
    {
        var (latencies, failures) = (new List<Served>(), new List<string>());
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await reader.GetAsync(new Uri(path, UriKind.Relative), stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var upstream = response.Headers.TryGetValues("X-Upstream", out var tried) ? string.Join(", ", tried) : "";
                    latencies.Add(new Served(Stopwatch.GetTimestamp(), Stopwatch.GetElapsedTime(started).TotalMilliseconds, upstream));
                }
                else
                {
                    failures.Add($"{path}: {(int)response.StatusCode}");
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException e)
            {
                failures.Add($"{path}: {e.Message}");
            }
        }

        return (latencies, failures);
    }

    private static double Percentile(Served[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)].Milliseconds;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An editor made through a one-off in-process node (it only writes the account and its token).</summary>
    private static async Task<StaffAccount> EditorAsync(TestDatabase database)
    {
        var folder = Directory.CreateTempSubdirectory("bulletin-proxy-setup-").FullName;
        try
        {
            await using var setup = await BulletinServer.StartAsync(database, dataDirectory: folder);
            return await StaffAccount.CreateAsync(setup, "editor@test.example", StaffRoles.Editor);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> PublishAsync(HttpClient api, string headline)
    {
        var (id, _) = await CreateAsync(api, KoreanStory(headline: headline, anchorText: headline + " 소식입니다."));
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(api, id, "approve")).StatusCode);
        var published = await ActAsync(api, id, "publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var url = new Uri((await ReadAsync(published))["url"]!.GetValue<string>(), UriKind.RelativeOrAbsolute);
        return url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString;
    }
}
