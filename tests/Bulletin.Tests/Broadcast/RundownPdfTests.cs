using Bulletin.Broadcast;
using Bulletin.Broadcast.Printing;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Workflow;
using Bulletin.Site;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;

namespace Bulletin.Tests.Broadcast;

/// <summary>The printed rundown and scripts, read back by a PDF reader as a printer would read them.</summary>
public sealed class RundownPdfTests
{
    private static readonly Actor Producer = new(Guid.CreateVersion7(), "pd@test.example", [StaffRoles.Producer]);
    private static readonly Actor Reporter = new(Guid.CreateVersion7(), "rp@test.example", [StaffRoles.Reporter]);
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    internal static string HangulFontOrSkip()
    {
        const string font = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";
        if (!File.Exists(font))
        {
            Assert.Skip($"PDF test skipped: {font} is not installed (apt-get install -y fonts-nanum; test.sh does it as root).");
        }

        return font;
    }

    [Fact]
    public void Sheet_WithAKoreanRundown_IsLandscapeWithTheHangulSlugsAndTheFontEmbedded()
    {
        HangulFontOrSkip();
        var (grid, pdf) = Printer();

        using var document = PdfDocument.Open(pdf.Sheet(grid, Language.Korean, Start));

        var page = document.GetPage(1);
        Assert.True(page.Width > page.Height, $"the sheet is {page.Width} by {page.Height}");
        Assert.Contains("폭설 출근길", page.Text, StringComparison.Ordinal);
        Assert.Contains("광고", page.Text, StringComparison.Ordinal);
        Assert.Contains("백타임", page.Text, StringComparison.Ordinal);
        // A line's studio objects are named beside its slug, for a floor working from paper.
        Assert.Contains("수상버스 노선도", page.Text, StringComparison.Ordinal);
        // Back times, by hand: the hard out is 19:30 KST; the boat runs 0:30, the break 1:00, and the snow story
        // 0:15 (20 syllables at 350 a minute round to 0:03, and its soundbite's 0:12): 19:28:15, 19:28:30, 19:29:30.
        Assert.Contains("19:28:15", page.Text, StringComparison.Ordinal);
        Assert.Contains("19:28:30", page.Text, StringComparison.Ordinal);
        Assert.Contains("19:29:30", page.Text, StringComparison.Ordinal);
        AssertEmbeddedHangulFont(document);
    }

    [Fact]
    public void Scripts_OneStoryToAPage_CarryTheReadLinesAndTheCues()
    {
        HangulFontOrSkip();
        var (grid, pdf) = Printer();

        using var document = PdfDocument.Open(pdf.Scripts(grid, Language.Korean, Start));

        // Two stories; the break has no script of its own.
        Assert.Equal(2, document.NumberOfPages);
        var first = document.GetPage(1).Text;
        Assert.Contains("밤사이 내린 폭설로 출근길 혼잡이 이어졌습니다.", first, StringComparison.Ordinal);
        Assert.Contains("SOT", first, StringComparison.Ordinal);
        Assert.DoesNotContain("한강 수상버스", first, StringComparison.Ordinal);
        Assert.Contains("한강 수상버스가 오늘 첫 운항을 시작했습니다.", document.GetPage(2).Text, StringComparison.Ordinal);
        AssertEmbeddedHangulFont(document);
    }

    [Fact]
    public void Sheet_WithoutAHangulFont_SaysWhatToInstall()
    {
        var (grid, _) = Printer();
        var pdf = new RundownPdf(new PrintFonts(Options.Create(new PrintOptions { FontFile = Path.Combine(Path.GetTempPath(), "no-such-font.ttf") })),
            new SiteClock(new SiteOptions(), TimeProvider.System));

        var refused = Assert.Throws<PdfUnavailableException>(() => pdf.Sheet(grid, Language.Korean, Start));

        Assert.Contains("no-such-font.ttf", refused.Reason.English, StringComparison.Ordinal);
    }

    /// <summary>Every font the pages use is a Nanum subset whose program is inside the file (FontFile2), not one the reader must have.</summary>
    internal static void AssertEmbeddedHangulFont(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        var embedded = new List<string>();
        foreach (var page in document.GetPages())
        {
            var resources = Get<DictionaryToken>(page.Dictionary.Data["Resources"], scanner);
            var fonts = Get<DictionaryToken>(resources.Data["Font"], scanner);
            foreach (var reference in fonts.Data.Values)
            {
                var font = Get<DictionaryToken>(reference, scanner);
                var descendant = Get<DictionaryToken>(Get<ArrayToken>(font.Data["DescendantFonts"], scanner).Data[0], scanner);
                var descriptor = Get<DictionaryToken>(descendant.Data["FontDescriptor"], scanner);
                var program = Get<StreamToken>(descriptor.Data["FontFile2"], scanner);
                Assert.True(program.Data.Length > 1000, "the embedded font program is empty");
                embedded.Add(((NameToken)descriptor.Data["FontName"]).Data);
            }
        }

        Assert.NotEmpty(embedded);
        Assert.All(embedded, name => Assert.Matches("^[A-Z]{6}\\+Nanum", name));

        T Get<T>(IToken token, UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner from)
            where T : class, IToken =>
            DirectObjectFinder.Get<T>(token, from) ?? throw new InvalidDataException($"the PDF has no {typeof(T).Name} here");
    }

    private static (RundownGrid Grid, RundownPdf Pdf) Printer()
    {
        var rundown = Rundown.Create(Guid.CreateVersion7(), "뉴스 7", new DateOnly(2026, 12, 2), Language.Korean, Start, Start.AddMinutes(30));
        var snow = StoryOf("폭설로 출근길 혼잡", "밤사이 내린 폭설로 출근길 혼잡이 이어졌습니다.");
        var boat = StoryOf("한강 수상버스", "한강 수상버스가 오늘 첫 운항을 시작했습니다.");
        Assert.True(rundown.AddStory(Producer, Guid.CreateVersion7(), snow.Id, "폭설 출근길").Succeeded);
        var pause = Guid.CreateVersion7();
        Assert.True(rundown.AddLine(Producer, pause, RundownItemKind.Break, "광고", TimeSpan.FromMinutes(1)).Succeeded);
        var boatItem = Guid.CreateVersion7();
        Assert.True(rundown.AddStory(Producer, boatItem, boat.Id, "한강 수상버스").Succeeded);
        Assert.True(rundown.SetDuration(Producer, boatItem, TimeSpan.FromSeconds(30)).Succeeded);
        Assert.True(rundown.AttachObject(Producer, boatItem, Guid.CreateVersion7(), "cg.test", "GFX-0007", "수상버스 노선도", null, null).Succeeded);
        var clock = new SiteClock(new SiteOptions(), TimeProvider.System);
        var grid = RundownGrid.Of(rundown, new Dictionary<Guid, Story> { [snow.Id] = snow, [boat.Id] = boat }, null);
        return (grid, new RundownPdf(new PrintFonts(Options.Create(new PrintOptions())), clock));
    }

    private static Story StoryOf(string headline, string anchor)
    {
        var content = new StoryContent
        {
            Headline = headline,
            Language = Language.Korean,
            Segments =
            [
                new ScriptSegment(SegmentKind.Anchor, anchor),
                new ScriptSegment(SegmentKind.Soundbite, "평소보다 두 배는 걸린 것 같아요.", "이서준", "직장인", Duration: TimeSpan.FromSeconds(12)),
            ],
        };
        var created = Story.Create(Guid.CreateVersion7(), Guid.NewGuid().ToString("N"), content, null, Reporter, Start);
        Assert.True(created.Succeeded);
        return created.Value!;
    }
}
