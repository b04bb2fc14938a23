using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Testing;
using Bulletin.Tips;
using Bulletin.Tips.Desk;
using Bulletin.Tips.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bulletin.Tests;

public sealed class TipDeskTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Desk_ReviewsAssignsAndUsesATip_AndRefusesMovesTheWorkflowForbids(DatabaseProvider provider)
    {
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database);
        await using var scope = server.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<TipIntake>();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var ct = TestContext.Current.CancellationToken;
        var first = await intake.ReceiveAsync(new TipSubmission(TipChannel.Web, "Bridge closed on Route 3"), ct);
        var call = await intake.LogCallAsync("Caller says the bridge on Route 3 is cracked", "010-1234-5678", mayContact: true, mayCredit: false, ct);
        var storyId = Guid.CreateVersion7();

        await desk.StartReviewAsync(first.TipId, TipTestKit.Desk("editor-lee"), ct);
        await desk.AssignAsync(first.TipId, "reporter-kim", TipTestKit.Desk("editor-lee"), ct);
        await desk.MergeAsync(call.TipId, first.TipId, TipTestKit.Desk("editor-lee"), ct);
        await desk.MarkUsedAsync(first.TipId, storyId, TipTestKit.Desk("reporter-kim"), ct);

        var used = (await desk.ReadAsync(first.TipId, "reporter-kim", ct))!;
        Assert.Equal(TipStatus.Used, used.Status);
        Assert.Equal("reporter-kim", used.AssignedTo);
        Assert.Equal(storyId, used.StoryId);
        var logged = (await desk.ReadAsync(call.TipId, "reporter-kim", ct))!;
        Assert.Equal(TipChannel.Phone, logged.Channel);
        Assert.Equal("010-1234-5678", logged.Contact);
        Assert.True(logged.MayContact);
        Assert.Equal(first.TipId, logged.DuplicateOfId);
        // The caller's receipt shows the primary tip's progress.
        Assert.Equal(TipStatus.Used, (await desk.FindByReceiptAsync(call.Phrase, ct))!.Status);
        Assert.Equal(WorkflowOutcome.NotAllowedNow, (await desk.DeclineAsync(first.TipId, TipTestKit.Desk("editor-lee"), ct)).Outcome);
        Assert.Equal([first.TipId, call.TipId], (await desk.SearchAsync("route 3", null, ct)).Select(t => t.Id).Order().ToArray().OrderBy(i => i != first.TipId).ToArray());
        Assert.Empty(await desk.SearchAsync("nothing like this", null, ct));

        await using var db = database.NewContext();
        var audit = await db.TipAudit.Where(a => a.TipId == first.TipId).Select(a => a.Action).ToListAsync(ct);
        Assert.Contains("review started", audit);
        Assert.Contains("assigned to reporter-kim", audit);
        Assert.Contains("opened", audit);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Retention_DeletesDeclinedAndSpamTipsWithTheirFilesAfterTheirTime_LeavingAnAuditLine(DatabaseProvider provider)
    {
        var photo = Samples.Require("security/exif/tip_photo_gps_exif_xmp_iptc_le.jpg");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database, configure: builder =>
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var ct = TestContext.Current.CancellationToken;
        await using var scope = server.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<TipIntake>();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();
        var retention = server.Services.GetRequiredService<TipRetention>();
        TipReceipt declined;
        await using (var upload = intake.Begin())
        {
            await using var file = File.OpenRead(photo);
            await upload.AddFileAsync(file, "photo.jpg", ct);
            declined = await intake.CompleteAsync(upload, new TipSubmission(TipChannel.Web, "CANARY-RETENTION declined"), ct);
        }

        var spam = await intake.ReceiveAsync(new TipSubmission(TipChannel.Web, "cheap watches"), ct);
        var kept = await intake.ReceiveAsync(new TipSubmission(TipChannel.Web, "a tip still being worked on"), ct);
        await desk.DeclineAsync(declined.TipId, TipTestKit.Desk("editor-lee"), ct);
        await desk.MarkSpamAsync(spam.TipId, TipTestKit.Desk("editor-lee"), ct);
        Assert.True(Directory.Exists(Path.Combine(database.DataDirectory, "media", "tips", declined.TipId.ToString("N"))));

        // Advancing the clock also wakes the daily job; either pass may be the one that deletes.
        clock.Advance(TimeSpan.FromDays(89));
        await retention.RunOnceAsync(ct);
        await using var db = database.NewContext();
        Assert.Equal(3, await db.ReaderTips.CountAsync(ct));
        clock.Advance(TimeSpan.FromDays(1));
        await retention.RunOnceAsync(ct);

        Assert.Equal([kept.TipId], await db.ReaderTips.Select(t => t.Id).ToListAsync(ct));
        Assert.Equal(0, await db.TipAttachments.CountAsync(ct));
        Assert.False(Directory.Exists(Path.Combine(database.DataDirectory, "media", "tips", declined.TipId.ToString("N"))));
        Assert.Contains("deleted by retention", await db.TipAudit.Where(a => a.TipId == declined.TipId).Select(a => a.Action).ToListAsync(ct));
        Assert.Null(await desk.FindByReceiptAsync(declined.Phrase, ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tip_SentAtEightInTheMorningInSeoul_IsDatedThatSeoulDay(DatabaseProvider provider)
    {
        // 08:00 in Seoul is 23:00 the day before in UTC: a tip dated by the UTC day would say 28 February.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(9)));
        await using var database = await BulletinServer.NewDatabaseAsync(provider);
        await using var server = await BulletinServer.StartAsync(database, configure: builder =>
            builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        var ct = TestContext.Current.CancellationToken;
        await using var scope = server.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<TipIntake>();
        var desk = scope.ServiceProvider.GetRequiredService<TipDesk>();

        var tip = await intake.ReceiveAsync(new TipSubmission(TipChannel.Web, "Water main burst on the high street"), ct);
        await desk.DeclineAsync(tip.TipId, TipTestKit.Desk("editor-lee"), ct);

        var seen = (await desk.ReadAsync(tip.TipId, "editor-lee", ct))!;
        Assert.Equal(new DateOnly(2026, 3, 1), seen.ReceivedOn);
        Assert.Equal(new DateOnly(2026, 3, 1), (await desk.FindByReceiptAsync(tip.Phrase, ct))!.ReceivedOn);
        await using var db = database.NewContext();
        Assert.Equal(new DateOnly(2026, 3, 1), await db.ReaderTips.Where(t => t.Id == tip.TipId).Select(t => t.SettledOn).SingleAsync(ct));
        // The audit says what happened on which day, never at what minute.
        var audit = await db.TipAudit.Where(a => a.TipId == tip.TipId).Select(a => a.Day).ToListAsync(ct);
        Assert.Equal(3, audit.Count);
        Assert.All(audit, day => Assert.Equal(new DateOnly(2026, 3, 1), day));
    }

    [Fact]
    public void Receipts_AreDistinctAndCarryAHundredBits()
    {
        var phrases = Enumerable.Range(0, 10_000).Select(_ => Receipts.NewPhrase()).ToList();
        Assert.Equal(phrases.Count, phrases.Distinct(StringComparer.Ordinal).Count());
        Assert.All(phrases, p => Assert.Equal(p, Receipts.Normalise(p)!.Chunk(4).Select(c => new string(c)).Aggregate((a, b) => a + "-" + b)));
        Assert.Equal(100, Receipts.EntropyBits);
        // Every symbol of the alphabet turns up in every position, about equally.
        var firstSymbols = phrases.GroupBy(p => p[0]).Select(g => g.Count()).ToList();
        Assert.Equal(32, firstSymbols.Count);
        Assert.All(firstSymbols, n => Assert.InRange(n, 200, 450));
    }
}
