using System.Net;
using System.Text.Json;
using Bulletin.Data;
using Bulletin.Publishing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bulletin.Tests;

/// <summary>/healthz and /readyz as a load balancer sees them, while the database goes away and comes back.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Readyz_WhenTheDatabaseGoesAway_Answers503WithRetryAfter_AndRecoversByItself()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Sqlite);
        await using var server = await BulletinServer.StartAsync(database);
        await server.Services.GetRequiredService<SearchIndexService>().Rebuild;

        var (alive, _) = await GetAsync(server, "/healthz");
        var (ready, readyBody) = await GetAsync(server, "/readyz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("healthy", readyBody.RootElement.GetProperty("status").GetString());

        // The database file is replaced by a folder of the same name: nothing can open it.
        var file = Path.Combine(database.DataDirectory, BulletinData.SqliteFileName);
        File.Move(file, file + ".away");
        Directory.CreateDirectory(file);
        SqliteConnection.ClearAllPools();
        var (gone, goneBody) = await GetAsync(server, "/readyz");
        var (stillAlive, _) = await GetAsync(server, "/healthz");

        Directory.Delete(file);
        File.Move(file + ".away", file);
        SqliteConnection.ClearAllPools();
        var (back, _) = await GetAsync(server, "/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.StatusCode);
        Assert.True(gone.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("unhealthy", goneBody.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", goneBody.RootElement.GetProperty("checks").GetProperty("search").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, stillAlive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    private static async Task<(HttpResponseMessage Response, JsonDocument Body)> GetAsync(BulletinServer server, string path)
    {
        var response = await server.Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, path == "/readyz" ? JsonDocument.Parse(text) : JsonDocument.Parse("{}"));
    }
}
