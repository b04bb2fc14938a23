using Bulletin.Core.Stories;
using Bulletin.Data;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_ADatabaseWithStoriesFromBeforeTheTextWasKeptOnce_ReadsEveryTextAsItWas(DatabaseProvider provider)
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, migrated: false);
        var sqlite = provider == DatabaseProvider.Sqlite;
        var at = new DateTimeOffset(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);
        // Each value as that provider's columns hold it: SQLite keeps ids as text and instants as 64-bit numbers.
        object Id(Guid value) => sqlite ? value.ToString().ToUpperInvariant() : value;
        object Time(DateTimeOffset value) => sqlite ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(value)! : value;

        // The JSON as it was written then: every segment's paragraphs beside its text, and absent values as null.
        static string Script(string text) =>
            $$"""[{"kind":"anchor","text":"{{text.Replace("\n", "\\n", StringComparison.Ordinal)}}","speaker":null,"title":null,"when":null,"paragraphs":["{{text.Replace("\n\n", "\",\"", StringComparison.Ordinal)}}"]}]""";
        static string Content(string text) => $$"""
            {"headline":"폭설로 출근길 혼잡","subheadlines":[],"language":"korean","bylines":[],"tags":["날씨"],"segments":{{Script(text)}},
             "signOff":null,"programme":null,"transcriptDisclaimer":false,"publishedAt":"2024-10-16T00:08:00+00:00","updatedAt":"2024-10-16T00:08:00+00:00"}
            """;

        // One live story as it was published, one with an edit not yet published (its working script differs).
        var unchanged = Guid.CreateVersion7();
        var edited = Guid.CreateVersion7();
        await using (var db = database.NewContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("AddPublishedStories", cancel);
            foreach (var (id, slug, working) in new[] { (unchanged, "snow", "첫 문단\n\n둘째 문단"), (edited, "snow-2", "고친 문단") })
            {
                var updated = id == edited ? at.AddMinutes(5) : at;
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "Stories" ("Id", "Slug", "Headline", "Language", "TranscriptDisclaimer", "Status", "CreatedAt", "PublishedAt",
                        "UpdatedAt", "Version", "Bylines", "Segments", "Subheadlines", "Tags", "Live")
                    VALUES ({Id(id)}, {slug}, {"폭설로 출근길 혼잡"}, {"Korean"}, {false}, {"Published"}, {Time(at)}, {Time(at)},
                        {Time(updated)}, {4}, {"[]"}, {Script(working)}, {"[]"}, {"[\"날씨\"]"}, {Content("첫 문단\n\n둘째 문단")})
                    """, cancel);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "PublishedStories" ("Id", "Slug", "Language", "Headline", "TranscriptDisclaimer", "CreatedAt", "PublishedAt",
                        "UpdatedAt", "Version", "Bylines", "Segments", "Subheadlines", "Tags")
                    VALUES ({Id(id)}, {slug}, {"Korean"}, {"폭설로 출근길 혼잡"}, {false}, {Time(at)}, {Time(at)},
                        {Time(at)}, {4}, {"[]"}, {Script("첫 문단\n\n둘째 문단")}, {"[]"}, {"[\"날씨\"]"})
                    """, cancel);
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "StoryRevisions" ("Id", "StoryId", "Version", "Status", "Action", "AuthorName", "At", "Content")
                    VALUES ({Id(Guid.CreateVersion7())}, {Id(id)}, {4}, {"Published"}, {"publish"}, {"editor"}, {Time(at)}, {Content(working)})
                    """, cancel);
            }

            await db.Database.MigrateAsync(cancel);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(cancel));
            // The unchanged story's live copy is gone (its text is kept once); the edited one's stays.
            var keptLive = await db.Database.SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"Stories\" WHERE \"Live\" IS NOT NULL").ToListAsync(cancel);
            Assert.Equal([edited], keptLive);
        }

        await using (var db = database.NewContext())
        {
            ScriptSegment[] published = [new(SegmentKind.Anchor, "첫 문단\n\n둘째 문단")];
            var stories = await db.Stories.AsNoTracking().ToDictionaryAsync(s => s.Id, cancel);
            Assert.Equal(published, stories[unchanged].Segments);
            Assert.Equal(stories[unchanged].Content, stories[unchanged].Live);
            Assert.False(stories[unchanged].HasUnpublishedChanges);
            Assert.True(stories[edited].HasUnpublishedChanges);
            Assert.Equal(published, stories[edited].Live!.Segments);
            Assert.Equal([new ScriptSegment(SegmentKind.Anchor, "고친 문단")], stories[edited].Segments);
            Assert.All(await db.PublishedStories.AsNoTracking().ToListAsync(cancel), p => Assert.Equal(published, p.Segments));

            var revisions = await db.StoryRevisions.AsNoTracking().ToListAsync(cancel);
            Assert.All(revisions, r => Assert.True(r.IsSuperseded));
            Assert.Equal("고친 문단", revisions.Single(r => r.StoryId == edited).ReadWith(stories[edited]).Content.Segments[0].Text);
            Assert.Equal("폭설로 출근길 혼잡", revisions.Single(r => r.StoryId == unchanged).ReadWith(stories[unchanged]).Content.Headline);
        }
    }
}
