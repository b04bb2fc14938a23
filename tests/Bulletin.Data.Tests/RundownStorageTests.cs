using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Data.Rundowns;
using Bulletin.Testing;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Data.Tests;

/// <summary>A rundown saved and read back, on both providers: its running order, its timing fields and its version.</summary>
public sealed class RundownStorageTests
{
    private static readonly DateTimeOffset Now = new(2024, 10, 16, 0, 8, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = new(2024, 10, 16, 18, 0, 0, TimeSpan.FromHours(9));
    private static readonly Actor Producer = new(Guid.CreateVersion7(), "producer", [StaffRoles.Producer]);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Story Story(string slug) => Core.Stories.Story.Import(Guid.CreateVersion7(), slug, new StoryContent
    {
        Headline = slug,
        Language = Language.Korean,
        Segments = [new(SegmentKind.Anchor, "북한군 파병 소식입니다.")],
    }, null, "test", slug, Actor.Importer, Now).Value!;

    private static List<string> Order(Rundown rundown) => [.. rundown.Items.Select(i => i.Slug)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_ThenLoad_KeepsTheRunningOrderAcrossBlocksAndEveryField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = Story("first");
        var second = Story("second");
        var rundown = Rundown.Create(Guid.CreateVersion7(), "저녁 뉴스", new DateOnly(2024, 10, 16), Language.Korean, Start, Start.AddMinutes(30),
            new ReadTimeOptions { KoreanSyllablesPerMinute = 320 });
        var blockA = Guid.CreateVersion7();
        var blockB = Guid.CreateVersion7();
        var open = Guid.CreateVersion7();
        var story1 = Guid.CreateVersion7();
        var brk = Guid.CreateVersion7();
        var story2 = Guid.CreateVersion7();
        Assert.True(rundown.AddBlock(Producer, blockA, "1부", TimeSpan.FromMinutes(15)).Succeeded);
        Assert.True(rundown.AddLine(Producer, open, RundownItemKind.Other, "OPEN", TimeSpan.FromSeconds(20)).Succeeded);
        Assert.True(rundown.AddStory(Producer, story1, first.Id, "FIRST").Succeeded);
        Assert.True(rundown.AddBlock(Producer, blockB, "2부", TimeSpan.FromMinutes(15)).Succeeded);
        Assert.True(rundown.AddLine(Producer, brk, RundownItemKind.Break, "BREAK", TimeSpan.FromMinutes(2)).Succeeded);
        Assert.True(rundown.AddStory(Producer, story2, second.Id, "SECOND").Succeeded);
        Assert.True(rundown.SetReadRate(Producer, story2, new ReadTimeOptions { KoreanSyllablesPerMinute = 300 }).Succeeded);
        Assert.True(rundown.SetHardStart(Producer, story2, Start.AddMinutes(20)).Succeeded);
        Assert.True(rundown.SetState(Producer, story1, RundownItemState.Approved).Succeeded);

        await using (var db = database.NewContext())
        {
            db.Stories.AddRange(first, second);
            db.Rundowns.Add(rundown);
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Rundowns.WithRunningOrder().SingleAsync(r => r.Id == rundown.Id, Cancel);
            Assert.Equal(["OPEN", "FIRST", "BREAK", "SECOND"], Order(loaded));
            Assert.Equal(["1부", "2부"], loaded.Blocks.Select(b => b.Name));
            Assert.Equal(Start.ToUniversalTime(), loaded.Start);
            Assert.Equal(Start.AddMinutes(30).ToUniversalTime(), loaded.HardOut);
            Assert.Equal(320, loaded.ReadRate.KoreanSyllablesPerMinute);
            Assert.Equal(rundown.Version, loaded.Version);
            var item = loaded.Find(story2)!;
            Assert.Equal((second.Id, "B2", 300d), (item.StoryId!.Value, item.Page, item.ReadRate!.KoreanSyllablesPerMinute));
            Assert.Equal(Start.AddMinutes(20).ToUniversalTime(), item.HardStart);
            Assert.Equal(RundownItemState.Approved, loaded.Find(story1)!.State);
            Assert.Equal(TimeSpan.FromMinutes(2), loaded.Find(brk)!.PlannedDuration);

            // From the top of block B to the top of the show, and the opener to the end: both cross a block.
            Assert.True(loaded.MoveItem(Producer, story2, 0).Succeeded);
            Assert.True(loaded.MoveItem(Producer, open, 3).Succeeded);
            Assert.True(loaded.FloatItem(Producer, story1).Succeeded);
            Assert.True(loaded.RemoveItem(Producer, brk).Succeeded);
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Rundowns.WithRunningOrder().SingleAsync(r => r.Id == rundown.Id, Cancel);
            Assert.Equal(["SECOND", "FIRST", "OPEN"], Order(loaded));
            Assert.Equal([2, 1], loaded.Blocks.Select(b => b.Items.Count));
            Assert.True(loaded.Find(story1)!.Floated);
            Assert.Equal(0, await db.Set<RundownItem>().CountAsync(i => i.Id == brk, Cancel));
            Assert.Equal([rundown.Id], await db.HoldingStory(second.Id).ToListAsync(Cancel));

            // Within one block, nothing but the order changes: only the positions say so.
            Assert.True(loaded.MoveItem(Producer, story1, 0).Succeeded);
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = database.NewContext())
        {
            var loaded = await db.Rundowns.WithRunningOrder().SingleAsync(r => r.Id == rundown.Id, Cancel);
            Assert.Equal(["FIRST", "SECOND", "OPEN"], Order(loaded));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Save_BasedOnAStaleVersion_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rundown = Rundown.Create(Guid.CreateVersion7(), "News", new DateOnly(2024, 10, 16), Language.English, Start, Start.AddMinutes(30));
        var line = Guid.CreateVersion7();
        rundown.AddLine(Producer, line, RundownItemKind.Live, "LIVE", TimeSpan.FromSeconds(45));
        await using (var db = database.NewContext())
        {
            db.Rundowns.Add(rundown);
            await db.SaveChangesAsync(Cancel);
        }

        await using var mine = database.NewContext();
        await using var theirs = database.NewContext();
        var a = await mine.Rundowns.WithRunningOrder().SingleAsync(Cancel);
        var b = await theirs.Rundowns.WithRunningOrder().SingleAsync(Cancel);
        // Only an item changes in each, and still the rundown's own row carries the version that refuses the second.
        a.FloatItem(Producer, line);
        b.SetSlug(Producer, line, "LIVE SEOUL");
        await mine.SaveChangesAsync(Cancel);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => theirs.SaveChangesAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HoldingStory_FindsEveryRundownTheStorySitsIn_AndNoOther(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var shared = Story("shared");
        var other = Story("other");
        var rundowns = Enumerable.Range(0, 3)
            .Select(n => Rundown.Create(Guid.CreateVersion7(), $"Show {n}", new DateOnly(2024, 10, 16), Language.Korean, Start.AddHours(n),
                Start.AddHours(n).AddMinutes(30)))
            .ToList();
        rundowns[0].AddStory(Producer, Guid.CreateVersion7(), shared.Id, "SHARED");
        rundowns[0].AddStory(Producer, Guid.CreateVersion7(), shared.Id, "SHARED AGAIN");
        rundowns[1].AddStory(Producer, Guid.CreateVersion7(), other.Id, "OTHER");
        rundowns[2].AddStory(Producer, Guid.CreateVersion7(), shared.Id, "SHARED");
        await using var db = database.NewContext();
        db.Stories.AddRange(shared, other);
        db.Rundowns.AddRange(rundowns);
        await db.SaveChangesAsync(Cancel);

        var holding = await db.HoldingStory(shared.Id).ToListAsync(Cancel);
        Assert.Equal(new[] { rundowns[0].Id, rundowns[2].Id }.Order(), holding.Order());
    }
}
