using Bulletin.Areas.Newsroom;
using Bulletin.Broadcast.Mos;
using Bulletin.Core.Rundowns;
using Bulletin.Core.Stories;
using Bulletin.Core.Text;
using Bulletin.Core.Workflow;
using Bulletin.Site;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Bulletin.Broadcast.Printing;

/// <summary>
/// The floor's paper: a landscape rundown sheet with every timing column, and the scripts one story to a page (a
/// long one runs on to the next), set in a Hangul font that travels inside the file. The fallback when screens fail,
/// so it draws from the same grid the producer's page shows.
/// </summary>
public sealed class RundownPdf(PrintFonts fonts, SiteClock clock)
{
    private const double Margin = 36;
    private const double RowHeight = 17;

    private static readonly (double Width, Phrase Name)[] SheetColumns =
    [
        (44, RundownText.Page), (250, RundownText.Slug), (70, RundownText.StoryState), (58, RundownText.Duration),
        (50, RundownText.TextTime), (50, RundownText.MediaTime), (62, RundownText.FrontTime),
        (62, RundownText.BackTime), (58, RundownText.Cume), (66, RundownText.OverUnder),
    ];

    public byte[] Sheet(RundownGrid grid, Language language, DateTimeOffset printedAt)
    {
        var (regular, bold) = fonts.At(9);
        var (title, _) = fonts.At(14);
        using var document = NewDocument(grid, language, RundownText.PrintRundown);
        var rundown = grid.Rundown;
        XGraphics? g = null;
        var y = 0.0;
        PdfPage page = null!;

        void NewPage()
        {
            g?.Dispose();
            page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            g = XGraphics.FromPdfPage(page);
            y = Margin;
            g.DrawString(Header(rundown, language), title, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += 22;
            var summary = $"{RundownText.Total[language]} {TimingFormat.Duration(grid.Timing.Total)}   " +
                $"{RundownText.ProjectedEnd[language]} {TimingFormat.Clock(clock.Local(grid.Timing.ProjectedEnd))}   " +
                $"{RundownText.OverUnder[language]} {TimingFormat.OverUnder(grid.Timing.OverUnder)}   " +
                $"{RundownText.PrintedAt[language]} {clock.Display(printedAt, language)}";
            g.DrawString(summary, regular, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += 18;
            var x = Margin;
            g.DrawRectangle(XBrushes.Gainsboro, Margin, y, SheetColumns.Sum(c => c.Width), RowHeight);
            foreach (var (width, name) in SheetColumns)
            {
                Cell(g, name[language], bold, x, y, width);
                x += width;
            }

            y += RowHeight;
        }

        NewPage();
        foreach (var block in grid.Blocks)
        {
            if (y + 2 * RowHeight > page.Height.Point - Margin)
            {
                NewPage();
            }

            var blockLine = $"{RundownText.Block[language]} {block.Block.Letter} · {block.Block.Name} · " +
                $"{RundownText.Budget[language]} {TimingFormat.Duration(block.Timing.Budget)} · {RundownText.Total[language]} " +
                $"{TimingFormat.Duration(block.Timing.Total)} ({TimingFormat.OverUnder(block.Timing.OverUnder)})";
            g!.DrawString(blockLine, bold, XBrushes.Black, new XPoint(Margin + 2, y + 4), XStringFormats.TopLeft);
            y += RowHeight;
            foreach (var row in block.Rows)
            {
                if (y + RowHeight > page.Height.Point - Margin)
                {
                    NewPage();
                }

                var t = row.Timing;
                string[] cells =
                [
                    row.Item.Page,
                    // The clips and graphics the line goes to air with, as the floor calls for them.
                    row.Item.Objects.Count == 0 ? row.Item.Slug : $"{row.Item.Slug} · {string.Join(", ", row.Item.Objects.Select(o => o.Slug))}",
                    row.Story is { } story ? StoryWorkflowText.State(story.Status)[language] : Kind(row.Item.Kind)[language],
                    TimingFormat.Duration(t.Duration),
                    row.Item.Kind == RundownItemKind.Story ? TimingFormat.Duration(t.TextTime) : "",
                    row.Item.Kind == RundownItemKind.Story ? TimingFormat.Duration(t.MediaTime) : "",
                    t.FrontTime is { } front ? TimingFormat.Clock(clock.Local(front)) : RundownText.Floated[language],
                    t.BackTime is { } back ? TimingFormat.Clock(clock.Local(back)) : "",
                    t.Cume is { } cume ? TimingFormat.Duration(cume) : "",
                    t.HardStartOff is { } off ? TimingFormat.OverUnder(off) : "",
                ];
                var x = Margin;
                var brush = row.Item.Floated ? XBrushes.Gray : XBrushes.Black;
                for (var i = 0; i < cells.Length; i++)
                {
                    Cell(g, cells[i], regular, x, y, SheetColumns[i].Width, brush);
                    x += SheetColumns[i].Width;
                }

                g.DrawLine(XPens.LightGray, Margin, y + RowHeight, x, y + RowHeight);
                y += RowHeight;
            }
        }

        g?.Dispose();
        return Save(document);
    }

    /// <summary>Every story line that is not floated, each from the top of a page.</summary>
    public byte[] Scripts(RundownGrid grid, Language language, DateTimeOffset printedAt)
    {
        var (regular, bold) = fonts.At(12);
        var (small, _) = fonts.At(9);
        var (title, _) = fonts.At(16);
        using var document = NewDocument(grid, language, RundownText.PrintScripts);
        var rundown = grid.Rundown;
        var rows = grid.Rows.Where(r => r.Item.Kind == RundownItemKind.Story && !r.Item.Floated).ToList();
        foreach (var row in rows)
        {
            XGraphics g = null!;
            PdfPage page = null!;
            var y = 0.0;
            void NewPage()
            {
                g?.Dispose();
                page = document.AddPage();
                page.Size = PageSize.A4;
                g = XGraphics.FromPdfPage(page);
                y = Margin;
                g.DrawString($"{Header(rundown, language)} · {RundownText.PrintedAt[language]} {clock.Display(printedAt, language)}", small,
                    XBrushes.Gray, new XPoint(Margin, y), XStringFormats.TopLeft);
                y += 16;
            }

            NewPage();
            var width = page.Width.Point - 2 * Margin;
            foreach (var line in Wrap(g, $"{row.Item.Page}  {row.Item.Slug}", title, width))
            {
                g.DrawString(line, title, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
                y += 22;
            }

            var t = row.Timing;
            var times = $"{RundownText.Duration[language]} {TimingFormat.Duration(t.Duration)} · {RundownText.TextTime[language]} " +
                $"{TimingFormat.Duration(t.TextTime)} · {RundownText.MediaTime[language]} {TimingFormat.Duration(t.MediaTime)}" +
                (t.FrontTime is { } front ? $" · {RundownText.FrontTime[language]} {TimingFormat.Clock(clock.Local(front))}" : "") +
                (row.Story is { } stateOf ? $" · {StoryWorkflowText.State(stateOf.Status)[language]}" : "");
            g.DrawString(times, small, XBrushes.Black, new XPoint(Margin, y), XStringFormats.TopLeft);
            y += 14;
            g.DrawLine(XPens.Black, Margin, y, Margin + width, y);
            y += 12;

            var body = row.Story is { } story ? RundownRunningOrder.Body(story.Content) : [];
            if (body.Count == 0)
            {
                g.DrawString(RundownText.NoScript[language], regular, XBrushes.Gray, new XPoint(Margin, y), XStringFormats.TopLeft);
            }

            foreach (var paragraph in body)
            {
                // Cues stand out in bold, what a recording says is grey and indented: the presenter reads only the black.
                var (font, brush, indent) = paragraph.Kind switch
                {
                    MosParagraphKind.Instruction => (bold, XBrushes.Black, 0.0),
                    MosParagraphKind.Package => (regular, XBrushes.Gray, 24.0),
                    _ => (regular, XBrushes.Black, 0.0),
                };
                var text = paragraph.Kind == MosParagraphKind.Instruction ? $"[{paragraph.Text}]" : paragraph.Text;
                foreach (var line in Wrap(g, text, font, width - indent))
                {
                    if (y + 18 > page.Height.Point - Margin)
                    {
                        NewPage();
                    }

                    g.DrawString(line, font, brush, new XPoint(Margin + indent, y), XStringFormats.TopLeft);
                    y += 18;
                }

                y += 8;
            }

            g.Dispose();
        }

        if (rows.Count == 0)
        {
            var page = document.AddPage();
            using var g = XGraphics.FromPdfPage(page);
            g.DrawString($"{Header(rundown, language)} · {RundownText.NoScript[language]}", regular, XBrushes.Black,
                new XPoint(Margin, Margin), XStringFormats.TopLeft);
        }

        return Save(document);
    }

    private PdfDocument NewDocument(RundownGrid grid, Language language, Phrase what)
    {
        var document = new PdfDocument();
        document.Info.Title = $"{Header(grid.Rundown, language)} · {what[language]}";
        document.Info.Creator = "Bulletin";
        document.Language = language == Language.Korean ? "ko" : "en";
        return document;
    }

    private string Header(Rundown rundown, Language language) =>
        $"{rundown.Show} · {rundown.AirDate:yyyy-MM-dd} · {TimingFormat.Clock(clock.Local(rundown.Start))}–" +
        $"{TimingFormat.Clock(clock.Local(rundown.HardOut))} · {RundownWorkflowText.State(rundown.Status)[language]}";

    private static Phrase Kind(RundownItemKind kind) => kind switch
    {
        RundownItemKind.Break => RundownText.KindBreak,
        RundownItemKind.Live => RundownText.KindLive,
        RundownItemKind.Other => RundownText.KindOther,
        _ => RundownText.KindStory,
    };

    /// <summary>Text cut to its column: a slug too long for the sheet ends in an ellipsis rather than running over.</summary>
    private static void Cell(XGraphics g, string text, XFont font, double x, double y, double width, XBrush? brush = null)
    {
        var room = width - 6;
        if (g.MeasureString(text, font).Width > room)
        {
            while (text.Length > 1 && g.MeasureString(text + "…", font).Width > room)
            {
                text = text[..^1];
            }

            text += "…";
        }

        g.DrawString(text, font, brush ?? XBrushes.Black, new XPoint(x + 3, y + 4), XStringFormats.TopLeft);
    }

    /// <summary>Breaks a paragraph into lines that fit: at spaces, and inside a word only when the word alone is too wide.</summary>
    private static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var hard in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in hard.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (g.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (line.Length > 1 && g.MeasureString(line, font).Width > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && g.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private static byte[] Save(PdfDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
