using System.Diagnostics;
using System.Net;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.Data.Sqlite;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests;

/// <summary>
/// The database refusing for a while, for real: another process holding SQLite's write lock past the busy timeout,
/// and a disk that is full (a small filesystem of its own). Each answers 503 with Retry-After in the surface's own
/// form, keeps everything saved before, stores nothing half-done, and works again by itself once the cause passes.
/// </summary>
public sealed class DatabaseFaultTests
{
    [Fact]
    public async Task LockedDatabase_AnswersASave503WithRetryAfter_AndTheSameSaveWorksOnceTheLockGoes()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Hosting:RetryAfterSeconds=7", LowCommandTimeout(database)]);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, version) = await CreateAsync(api);

        HttpResponseMessage refused;
        await using (var other = new SqliteConnection($"Data Source={Path.Combine(database.DataDirectory, BulletinData.SqliteFileName)};Pooling=False"))
        {
            // Another writer (a backup tool, a second process) takes the write lock and keeps it.
            await other.OpenAsync(TestContext.Current.CancellationToken);
            await using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            refused = await PutAsync(api, id, KoreanStory(anchorText: "잠긴 동안 보낸 문장입니다."), version);

            // Readers do not wait for a writer: the story as saved before is still there.
            var meanwhile = await GetAsync(api, id);
            Assert.Equal(version, meanwhile["version"]!.GetValue<int>());

            await using var rollback = other.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("7", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync(refused);
        Assert.Equal("busy", problem["fault"]!.GetValue<string>());
        Assert.Contains("Nothing from this request was saved", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(server.Logs.Lines, line => line.Contains("answered 503", StringComparison.Ordinal));

        // The lock is gone: the same save, sent again, goes through once.
        var again = await PutAsync(api, id, KoreanStory(anchorText: "잠긴 동안 보낸 문장입니다."), version);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await GetAsync(api, id);
        Assert.Equal(version + 1, stored["version"]!.GetValue<int>());
        Assert.Contains("잠긴 동안 보낸 문장입니다.", JsonText(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullDisk_AnswersStaffAndReaders503InTheirOwnWords_KeepsWhatWasSaved_AndRecoversWhenSpaceReturns()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Skip("A full disk needs a filesystem of its own, which only root can mount (test.sh runs the tests as root in CI).");
        }

        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        await using var disk = await SmallDisk.MountAsync(database.DataDirectory, megabytes: 24);
        await using var server = await BulletinServer.StartAsync(database, settings: ["--Hosting:RetryAfterSeconds=5"]);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, version) = await CreateAsync(api);
        var before = JsonText(await GetAsync(api, id));

        disk.Fill();

        // A long script needs pages the disk no longer has; a short one may still fit in space SQLite holds.
        var longScript = string.Concat(Enumerable.Repeat("디스크가 가득 찬 동안 쓴 긴 원고입니다. ", 20_000));
        var refused = await PutAsync(api, id, KoreanStory(anchorText: longScript), version);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("full", (await ReadAsync(refused))["fault"]!.GetValue<string>());

        // What was saved before the disk filled is all there, and nothing of the refused save is.
        Assert.Equal(before, JsonText(await GetAsync(api, id)));

        // A reader's write (a tip) is refused the same way, on a page in the reader's language.
        var (tip, page) = await TipTestKit.PostAsync(server.Client, "/en/tips", TipTestKit.TipForm("The river bank gave way near the bridge."));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, tip.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("storage is full", page.QuerySelector("#why")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Try again in 5 seconds", page.QuerySelector("#again")?.TextContent, StringComparison.Ordinal);

        disk.Free();
        var again = await PutAsync(api, id, KoreanStory(anchorText: longScript), version);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("디스크가 가득 찬 동안 쓴 긴 원고입니다.", JsonText(await GetAsync(api, id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresRestart_AnswersWhileItIsDown503_AndTheNextSaveAfterItIsBackWorksWithNoOneTouchingBulletin()
    {
        await using var cluster = await OwnPostgres.StartAsync();
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite, migrated: false);
        await using var server = await BulletinServer.StartAsync(database,
            settings: ["--Database:Provider=Postgres", "--Database:ConnectionString=" + cluster.ConnectionString, "--Hosting:RetryAfterSeconds=3"]);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, version) = await CreateAsync(api);

        await cluster.StopAsync();
        var down = await PutAsync(api, id, KoreanStory(anchorText: "서버가 내려가 있는 동안 보낸 문장입니다."), version);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("3", down.Headers.GetValues("Retry-After").Single());
        Assert.Equal("unreachable", (await ReadAsync(down))["fault"]!.GetValue<string>());

        await cluster.StartAgainAsync();
        var back = await PutAsync(api, id, KoreanStory(anchorText: "서버가 돌아온 뒤 보낸 문장입니다."), version);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var stored = await GetAsync(api, id);
        Assert.Equal(version + 1, stored["version"]!.GetValue<int>());
        Assert.DoesNotContain("내려가 있는 동안", JsonText(stored), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowPostgres_AnswersWithinItsCommandTimeout503_ServesCachedPagesMeanwhile_AndCatchesUpAfter()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres);
        // A database that stops answering: another session holds the stories table, so every query on it waits.
        // Npgsql's command timeout (two seconds here; 30 by default) decides how long a request waits for it.
        await using var server = await BulletinServer.StartAsync(database, demo: true, settings:
        [
            "--Database:ConnectionString=" + database.Options.ConnectionString + ";Command Timeout=2",
            "--Hosting:RetryAfterSeconds=5",
        ]);
        var editor = await StaffAccount.CreateAsync(server, "editor@test.example", StaffRoles.Editor);
        using var api = editor.Api(server);
        var (id, version) = await CreateAsync(api);
        using var front = await server.Client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, front.StatusCode);

        HttpResponseMessage refused;
        TimeSpan waited;
        await using (var other = new Npgsql.NpgsqlConnection(database.Options.ConnectionString))
        {
            await other.OpenAsync(cancellationToken);
            await using var transaction = await other.BeginTransactionAsync(cancellationToken);
            await using (var hold = other.CreateCommand())
            {
                hold.Transaction = transaction;
                hold.CommandText = "LOCK TABLE \"Stories\" IN ACCESS EXCLUSIVE MODE";
                await hold.ExecuteNonQueryAsync(cancellationToken);
            }

            var clock = Stopwatch.StartNew();
            refused = await PutAsync(api, id, KoreanStory(anchorText: "느린 동안 보낸 문장입니다."), version);
            waited = clock.Elapsed;

            // Readers of pages already made are not kept waiting.
            var cached = Stopwatch.StartNew();
            using var again = await server.Client.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.True(cached.Elapsed < TimeSpan.FromSeconds(1), $"the cached front page took {cached.Elapsed.TotalMilliseconds:F0} ms");
            await transaction.RollbackAsync(cancellationToken);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.InRange(waited.TotalSeconds, 1.5, 15);
        Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
        var problem = await ReadAsync(refused);
        Assert.Equal("busy", problem["fault"]!.GetValue<string>());
        Assert.Contains("Nothing from this request was saved", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var saved = await PutAsync(api, id, KoreanStory(anchorText: "느린 동안 보낸 문장입니다."), version);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(version + 1, (await GetAsync(api, id))["version"]!.GetValue<int>());
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }

    /// <summary>SQLite's own retry loop gives up after a second, so the busy timeout alone decides how long a write waits.</summary>
    private static string LowCommandTimeout(TestDatabase database) =>
        $"--Database:ConnectionString=Data Source={Path.Combine(database.DataDirectory, BulletinData.SqliteFileName)};Default Timeout=1";

    /// <summary>
    /// A PostgreSQL server of this test's own, so stopping it disturbs no other test: initdb into a fresh folder,
    /// trust on 127.0.0.1 only, a free port.
    /// </summary>
    private sealed class OwnPostgres : IAsyncDisposable
    {
        private readonly string _root;
        private readonly string _bin;
        private readonly int _port;

        private OwnPostgres(string root, string bin, int port)
        {
            _root = root;
            _bin = bin;
            _port = port;
        }

        public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=3";

        public static async Task<OwnPostgres> StartAsync()
        {
            var bin = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order().LastOrDefault()
                : null;
            if (bin is null || Environment.UserName != "root")
            {
                Assert.Skip("A PostgreSQL server of the test's own needs PostgreSQL installed and root to run it as postgres (test.sh does both in CI).");
            }

            var root = Directory.CreateTempSubdirectory("bulletin-pg-").FullName;
            await RunAsync("chown", "postgres", root);
            using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                var port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                var cluster = new OwnPostgres(root, bin, port);
                await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", cluster.Data, "-U", "postgres",
                    "--auth-local=trust", "--auth-host=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N");
                await cluster.StartAgainAsync();
                return cluster;
            }
        }

        private string Data => Path.Combine(_root, "data");

        public Task StopAsync() =>
            RunAsync("runuser", "-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "fast", "-w", "stop");

        public Task StartAgainAsync() =>
            RunAsync("runuser", "-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_root, "server.log"),
                "-w", "-t", "30", "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -c unix_socket_directories={_root} -c fsync=off", "start");

        public async ValueTask DisposeAsync()
        {
            await RunAsync("runuser", "-u", "postgres", "--", Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>A tmpfs of a few megabytes mounted over a folder, and a file that fills it.</summary>
    private sealed class SmallDisk : IAsyncDisposable
    {
        private readonly string _path;

        private SmallDisk(string path) => _path = path;

        private string Filler => Path.Combine(_path, "filler.bin");

        public static async Task<SmallDisk> MountAsync(string path, int megabytes)
        {
            await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
            return new SmallDisk(path);
        }

        /// <summary>Writes until the filesystem says it is full.</summary>
        public void Fill()
        {
            var block = new byte[64 * 1024];
            using var filler = new FileStream(Filler, FileMode.Create, FileAccess.Write, FileShare.None, 0);
            try
            {
                while (true)
                {
                    filler.Write(block);
                }
            }
            catch (IOException)
            {
                // Full: that was the point.
            }
        }

        public void Free() => File.Delete(Filler);

        public async ValueTask DisposeAsync() => await RunAsync("umount", "--lazy", _path);
    }
}
