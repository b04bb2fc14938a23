using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Bulletin.Data;
using Bulletin.Hosting;
using Bulletin.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bulletin.Tests;

/// <summary>
/// The real Bulletin web host on a free port of 127.0.0.1, over its own data directory and database
/// (SQLite in the folder, or a fresh PostgreSQL database), reached over HTTP like a browser would.
/// </summary>
internal sealed class BulletinServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase _database;

    private BulletinServer(WebApplication app, TestDatabase database, Uri address)
    {
        _app = app;
        _database = database;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Every line the host logged, at the levels its settings let through.</summary>
    public CapturedLogs Logs { get; private init; } = new();
    public HttpClient Client { get; }
    public string DataDirectory => _database.DataDirectory;
    public TestDatabase Database => _database;

    /// <summary>A fresh database (migrated or not, as Bulletin finds it) and a server over it.</summary>
    public static async Task<TestDatabase> NewDatabaseAsync(DatabaseProvider provider, bool migrated = true) =>
        await TestDatabase.CreateAsync(provider, migrated);

    /// <param name="dataDirectory">Another node's own folder over the same database (its search index, its keys); the database's folder when null.</param>
    public static async Task<BulletinServer> StartAsync(TestDatabase database, bool demo = false, IEnumerable<string>? settings = null,
        Action<WebApplicationBuilder>? configure = null, string? dataDirectory = null)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Site:DemoContent=" + (demo ? "true" : "false"),
            "--Database:Provider=" + database.Options.Provider,
            "--Database:ConnectionString=" + (database.Options.ConnectionString ?? ""),
            // A test's server is a one-node site, which migrates its own database on either provider.
            "--Database:MigrateOnStart=true",
            "--Logging:LogLevel:Default=Warning",
            .. settings ?? [],
        ];
        var logs = new CapturedLogs();
        var app = BulletinWebApp.Build(args, new DataDirectory(dataDirectory ?? database.DataDirectory), builder =>
        {
            builder.Logging.AddProvider(logs);
            configure?.Invoke(builder);
        });
        await BulletinWebApp.PrepareDatabaseAsync(app.Services, TestContext.Current.CancellationToken);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new BulletinServer(app, database, new Uri(address)) { Logs = logs };
    }

    /// <summary>Fetches a page and parses it as a browser would.</summary>
    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetPageAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return (response, document);
    }

    /// <summary>
    /// Fetches a page until it shows what <paramref name="done"/> looks for (a change that reaches the public site
    /// through the outbox); fails, saying which page, when it never does.
    /// </summary>
    public Task<IHtmlDocument> GetPageWhenAsync(string path, Func<IHtmlDocument, bool> done) =>
        Eventually.UntilAsync($"{path} to show the change", async () => (await GetPageAsync(path)).Document, done,
            describe: d => d.Body?.TextContent.Trim() ?? "");

    /// <summary>Waits until a rebuild of the search index that started with the server is done.</summary>
    public Task WaitForSearchAsync() =>
        _app.Services.GetRequiredService<Bulletin.Publishing.SearchIndexService>().Rebuild.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
