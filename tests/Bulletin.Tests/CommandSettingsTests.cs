using System.Text.Json;
using Bulletin.Data;
using Microsoft.Data.Sqlite;

namespace Bulletin.Tests;

/// <summary>
/// Every verb reads --Section:Key=value settings from its command line, as the README says and `serve` always did:
/// they run on the host's own services and configuration.
/// </summary>
public sealed class CommandSettingsTests
{
    private const string Page = """
        강원 산간 첫눈…출근길 빙판 주의
        강원 산간 첫눈…출근길 빙판 주의

        2025.11.12. 오전 06:41.
        [앵커]
        강원 산간에 올겨울 첫눈이 내렸습니다.

        [기자]
        새벽 사이 대관령 일대가 하얗게 변했습니다.

        YTN 이도현입니다.
        """;

    [Fact]
    public async Task Import_WithTimeZoneOnTheCommandLine_ShowsTimesInThatZone()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(database.DataDirectory, "page.txt");
        await File.WriteAllTextAsync(file, Page, TestContext.Current.CancellationToken);

        var seoul = await BulletinCli.RunAsync(database, "import", "--dry-run", "--json", file);
        var newYork = await BulletinCli.RunAsync(database, "import", "--dry-run", "--json", "--Site:TimeZone=America/New_York", file);
        var stored = await BulletinCli.RunAsync(database, "import", "--json", file, "--Site:TimeZone", "Europe/London");

        Assert.Equal(0, seoul.ExitCode);
        Assert.Equal(0, newYork.ExitCode);
        Assert.Equal(0, stored.ExitCode);
        Assert.Equal("2025-11-12T06:41:00+09:00", PublishedAt(seoul.Output));
        Assert.Equal("2025-11-11T16:41:00-05:00", PublishedAt(newYork.Output));
        Assert.Equal("2025-11-11T21:41:00+00:00", PublishedAt(stored.Output));
        // The setting was not read as a file to import.
        Assert.Single(JsonDocument.Parse(newYork.Output).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Import_WithAnInvalidSetting_RefusesAsServeWould()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);

        var run = await BulletinCli.RunAsync(database, "import", "--dry-run", "--Site:TimeZone=Nowhere/Atlantis", "x.txt");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Site:TimeZone is not a time zone", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVerb_WithARetryAfterOfNoSeconds_IsRefusedAsServeWould()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);

        // A 503 that asks for no wait at all would have every client retry at once.
        var run = await BulletinCli.RunAsync(database, "db", "migrate", "--Hosting:RetryAfterSeconds=0");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Hosting:RetryAfterSeconds must be 1 to 3600", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbUsersReindexAndImport_WithADatabaseOnTheCommandLine_UseThatDatabase()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        var other = Path.Combine(database.DataDirectory, "elsewhere.db");
        var setting = "--Database:ConnectionString=Data Source=" + other;
        var file = Path.Combine(database.DataDirectory, "page.txt");
        await File.WriteAllTextAsync(file, Page, TestContext.Current.CancellationToken);

        var migrate = await BulletinCli.RunAsync(database, "db", "migrate", setting);
        var add = await BulletinCli.RunAsync(database, "users", "add", "--email", "elsewhere@test.example", "--role", "editor", setting);
        var list = await BulletinCli.RunAsync(database, "users", "list", setting);
        var import = await BulletinCli.RunAsync(database, "import", setting, file);
        var reindex = await BulletinCli.RunAsync(database, "reindex", setting);
        var listHere = await BulletinCli.RunAsync(database, "users", "list");

        Assert.Equal(0, migrate.ExitCode);
        Assert.Contains("Created the database.", migrate.Output, StringComparison.Ordinal);
        Assert.Equal(0, add.ExitCode);
        Assert.Contains("elsewhere@test.example", list.Output, StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Indexed 1 stories.", reindex.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere@test.example", listHere.Output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection("Data Source=" + other);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM \"Stories\"";
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
        await using var db = database.NewContext();
        Assert.Empty(db.Stories);
    }

    private static string? PublishedAt(string json) =>
        JsonDocument.Parse(json).RootElement[0].GetProperty("story").GetProperty("publishedAt").GetString();
}
