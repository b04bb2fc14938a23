using System.Net;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Tests;

/// <summary>Nodes of one site starting on one PostgreSQL database: who migrates it, and when.</summary>
public sealed class FleetStartTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenNodesStartingTogether_OnAnEmptyDatabase_MakeOneSchemaOneSetOfSectionsAndOneDemo()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres, migrated: false);
        var folders = Enumerable.Range(0, 10).Select(i => Directory.CreateTempSubdirectory($"bulletin-node-{i}-").FullName).ToList();
        var nodes = new List<BulletinServer>();
        try
        {
            var starting = folders.Select(folder => BulletinServer.StartAsync(database, demo: true, dataDirectory: folder)).ToList();
            try
            {
                await Task.WhenAll(starting);
            }
            finally
            {
                nodes.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            Assert.Equal(10, nodes.Count);
            foreach (var node in nodes)
            {
                Assert.Equal(HttpStatusCode.OK, (await node.Client.GetAsync(new Uri("/", UriKind.Relative), Cancel)).StatusCode);
            }

            await using var db = database.NewContext();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync(Cancel)).Count());
            var sections = await db.Sections.Select(s => s.Slug).ToListAsync(Cancel);
            Assert.Equal(["culture", "economy", "politics", "society", "sports", "world"], sections.Order());
            Assert.Equal(StaffRoles.All.Count, await db.Roles.CountAsync(Cancel));
            // The demo newsroom is added by the one node that found the database new.
            var slugs = await db.Stories.Select(s => s.Slug).ToListAsync(Cancel);
            Assert.NotEmpty(slugs);
            Assert.Equal(slugs.Count, slugs.Distinct().Count());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }

            foreach (var folder in folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task OnPostgres_ANodeRefusesADatabaseThatLacksMigrations_AndServesAfterDbMigrate()
    {
        await using var database = await BulletinServer.NewDatabaseAsync(DatabaseProvider.Postgres, migrated: false);

        // The default for PostgreSQL: a node does not change the schema; it says what to run.
        var refused = await BulletinCli.RunAsync(database, "serve", "--urls", "http://127.0.0.1:0", "--Database:MigrateOnStart=");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("bulletin db migrate", refused.Error, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync(Cancel));
        }

        var migrate = await BulletinCli.RunAsync(database, "db", "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output + migrate.Error);
        Assert.Contains("Created the database.", migrate.Output, StringComparison.Ordinal);
        var again = await BulletinCli.RunAsync(database, "db", "migrate");
        Assert.Contains("The database is up to date.", again.Output, StringComparison.Ordinal);

        await using var node = await BulletinProcess.StartAsync(database, ("Database__MigrateOnStart", ""));
        using var client = new HttpClient { BaseAddress = node.Address };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/section/politics", UriKind.Relative), Cancel)).StatusCode);
        await using (var db = database.NewContext())
        {
            Assert.Equal(6, await db.Sections.CountAsync(Cancel));
        }
    }
}
