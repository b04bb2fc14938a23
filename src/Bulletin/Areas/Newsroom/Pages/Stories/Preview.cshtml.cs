using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Data;
using Bulletin.Newsroom;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Areas.Newsroom.Pages.Stories;

/// <summary>The working version as the web page will read it, or as the anchor and reporter will read it on air.</summary>
public sealed class PreviewModel(NewsroomStories stories, BulletinDbContext db, IOptions<ReadTimeOptions> readTime) : PageModel
{
    public Story Story { get; private set; } = null!;
    public Section? Section { get; private set; }
    public bool AsScript { get; private set; }
    public ReadTimeOptions ReadTimeOptions => readTime.Value;

    public async Task<IActionResult> OnGetAsync(Guid id, string? @as, CancellationToken cancellationToken)
    {
        var story = await stories.FindAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        Story = story;
        AsScript = @as == "script";
        Section = story.SectionId is { } sectionId ? await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sectionId, cancellationToken) : null;
        return Page();
    }

    public string ReadTimeOf(string text) => Format(ReadTime.Of(text, Story.Language, ReadTimeOptions));

    public string Total => Format(ReadTime.Of(Story.Content, ReadTimeOptions));

    private static string Format(TimeSpan span) => $"{(int)span.TotalMinutes}:{span.Seconds:00}";
}
