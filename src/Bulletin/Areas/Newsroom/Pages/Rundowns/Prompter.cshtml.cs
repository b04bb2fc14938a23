using System.Globalization;
using Bulletin.Broadcast;
using Bulletin.Broadcast.Rundowns;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Rundowns;

/// <summary>
/// The prompter for one rundown: what is read aloud, item after item, in large type on black. Its settings come from
/// the address, as studio prompters take theirs (?size=80&amp;mirror=h&amp;marker=30&amp;follow=off), so a prompter
/// machine's bookmark sets it up; prompter.js changes them from the keyboard and follows the rundown live.
/// </summary>
public sealed class PrompterModel(NewsroomRundowns rundowns, TimeProvider time) : PageModel
{
    public IReadOnlyList<PrompterItem> Items { get; private set; } = [];
    public Guid RundownId { get; private set; }
    public string Show { get; private set; } = "";
    public string Lang { get; private set; } = "ko";
    public Guid? OnAir { get; private set; }
    public int Size { get; private set; } = 64;
    public string Mirror { get; private set; } = "";
    public int Marker { get; private set; } = 30;
    public bool Follow { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(Guid id, string? size, string? mirror, string? marker, string? follow, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Size = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 16, 240) : Size;
        Mirror = new string([.. (mirror ?? "").ToLowerInvariant().Where(c => c is 'h' or 'v').Distinct()]);
        Marker = int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 5, 95) : Marker;
        Follow = follow is not ("off" or "0" or "false");
        return Page();
    }

    /// <summary>The text alone, for prompter.js to put in place of what is on screen.</summary>
    public async Task<IActionResult> OnGetTextAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Partial("_PrompterText", this) : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await rundowns.FindAsync(id, cancellationToken) is not { } sheet)
        {
            return false;
        }

        var grid = RundownGrid.Of(sheet, time.GetUtcNow());
        Items = PrompterScript.Of(grid);
        RundownId = sheet.Rundown.Id;
        Show = sheet.Rundown.Show;
        Lang = sheet.Rundown.Language == Core.Stories.Language.English ? "en" : "ko";
        OnAir = sheet.Rundown.OnAirItemId;
        return true;
    }
}
