using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data.Tests;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Model_HasNoChangesMissingFromTheProvidersMigrations(DatabaseProvider provider)
    {
        // No server is needed: the model is compared with the provider's migration snapshot.
        var options = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Postgres ? "Host=127.0.0.1;Database=unused" : null,
        };
        using var context = BulletinData.CreateContext(options, Path.GetTempPath());
        Assert.False(context.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration holds. Add one with dotnet ef (see README).");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_OnANewDatabase_AppliesEveryMigrationAndAgainDoesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var context = database.NewContext();

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, await context.Stories.CountAsync(TestContext.Current.CancellationToken));
    }
}
