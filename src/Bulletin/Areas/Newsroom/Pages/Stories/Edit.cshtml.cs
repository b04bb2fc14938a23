using Bulletin.Core.Sections;
using Bulletin.Core.Stories;
using Bulletin.Core.Timing;
using Bulletin.Core.Workflow;
using Bulletin.Data;
using Bulletin.Newsroom;
using Bulletin.Site;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Bulletin.Areas.Newsroom.Pages.Stories;

/// <summary>
/// The script editor. One form carries the text and the workflow buttons, so an action always applies to what
/// is on screen. Segment add/remove/reorder are posts that re-show the form without saving, so no script is
/// needed to type and nothing typed is dropped. A save based on an older version is refused and shows both texts.
/// </summary>
// Room for a lead photo picked in the form (the media library's own limit, 40 MB by default, then refuses with a reason).
[RequestSizeLimit(48L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 48L * 1024 * 1024)]
public sealed class EditModel(
    BulletinDbContext db, NewsroomStories stories, IEditingPresence presence, SiteClock clock, IOptions<ReadTimeOptions> readTime,
    NewsroomUi ui, Media.MediaLibrary media) : PageModel
{
    /// <summary>The lead photo as the form has it, shown small above the script.</summary>
    public Media.MediaPicture? LeadPicture { get; private set; }

    [BindProperty] public StoryForm Form { get; set; } = new();

    public Story? Story { get; private set; }
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<StoryAction> Actions { get; private set; } = [];
    public bool CanEdit { get; private set; } = true;
    public IReadOnlyList<string> OthersEditing { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Problem { get; private set; }
    public ConflictView? Conflict { get; private set; }
    public SiteClock Clock => clock;
    public ReadTimeOptions ReadTimeOptions => readTime.Value;

    public async Task<IActionResult> OnGetAsync(Guid? id, string? done, CancellationToken cancellationToken)
    {
        if (id is { } storyId)
        {
            Story = await stories.FindAsync(storyId, cancellationToken);
            if (Story is null)
            {
                return NotFound();
            }

            Form = StoryForm.From(Story);
            await presence.TouchAsync(storyId, StaffActor.From(User).Name, cancellationToken);
        }
        else
        {
            Form.Segments = [new SegmentForm { Kind = "anchor" }, new SegmentForm { Kind = "reporter" }];
        }

        if (done is not null)
        {
            Notice = done == "save" ? ui.T(EditorText.Saved) : ui.T(EditorText.Done, done);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, string? op, CancellationToken cancellationToken)
    {
        op ??= "save";
        var actor = StaffActor.From(User);
        if (id is { } existingId)
        {
            Story = await stories.FindAsync(existingId, cancellationToken);
            if (Story is null)
            {
                return NotFound();
            }
        }

        if (EditSegments(op))
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (Request.HasFormContentType && Request.Form.Files.GetFile("LeadPhoto") is { Length: > 0 } photo
            && Media.MediaLibrary.MayWork(actor.Roles))
        {
            // The picked file goes into the media library first; its item becomes the lead of what is saved next.
            var (fields, refusal) = Core.Media.MediaFields.Check(Request.Form["LeadPhotoCaption"], Request.Form["LeadPhotoCredit"],
                Request.Form["LeadPhotoAlt"], null, null);
            var upload = fields is null ? null : await UploadAsync(photo, fields, actor, cancellationToken);
            if (upload?.Item is not { } item)
            {
                Problem = ui.T(EditorText.PhotoNotTaken, refusal ?? upload?.Refusal);
                await LoadAsync(cancellationToken);
                return Page();
            }

            Form.LeadMediaId = item.Id;
        }
        else if (Request.HasFormContentType && Request.Form["RemoveLead"] == "true")
        {
            Form.LeadMediaId = null;
        }

        var (content, problem) = Form.ToContent(Story);
        if (content is null)
        {
            Problem = ui.T(problem);
            await LoadAsync(cancellationToken);
            return Page();
        }

        StoryAction? action = op != "save" && StoryActions.TryParse(op, out var parsed) && StoryActions.OnTheActionRoute.Contains(parsed)
            ? parsed : null;
        if (Story is null)
        {
            var created = await stories.CreateAsync(content, Form.SectionId, actor, cancellationToken);
            if (created.Current is null)
            {
                return Forbid();
            }

            Story = created.Current;
        }
        else if (StoryWorkflow.Table.Allows(actor.Roles, Story.Status, StoryAction.Edit))
        {
            var saved = await stories.SaveAsync(Story.Id, Form.Version, content, Form.SectionId, actor, cancellationToken);
            if (!await HandledAsync(saved, content, cancellationToken))
            {
                return Page();
            }

            Story = saved.Current!;
        }
        else if (action is null)
        {
            Problem = ui.T(EditorText.MayNotEditAtThisStage);
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (action is { } take)
        {
            var at = take == StoryAction.Schedule ? Form.ScheduleInstant(clock) : null;
            if (take == StoryAction.Schedule && at is null)
            {
                Problem = ui.T(EditorText.GiveTheTimeToPublishAt);
                Form.Version = Story.Version;
                await LoadAsync(cancellationToken);
                return Page();
            }

            var result = await stories.PerformAsync(Story.Id, take, actor, cancellationToken, basedOn: Story.Version, at: at, note: Form.CorrectionNote);
            if (!await HandledAsync(result, content, cancellationToken))
            {
                return Page();
            }
        }

        return Redirect($"/newsroom/stories/edit/{Story.Id}?done={(action is { } a ? a.ToCode() : "save")}");
    }

    /// <summary>Autosave of a draft by the editor page's script: saves, or answers 409 and leaves the page alone.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = StaffActor.From(User);
        await presence.TouchAsync(id, actor.Name, cancellationToken);
        var story = await stories.FindAsync(id, cancellationToken);
        if (story is null)
        {
            return NotFound();
        }

        if (story.Status != StoryStatus.Draft)
        {
            return new JsonResult(new { saved = false, version = story.Version, reason = "not a draft" });
        }

        var (content, _) = Form.ToContent(story);
        if (content is null)
        {
            return new JsonResult(new { saved = false, version = story.Version, reason = "no headline" });
        }

        var result = await stories.SaveAsync(id, Form.Version, content, Form.SectionId, actor, cancellationToken, what: "autosave");
        return result.Outcome switch
        {
            WorkflowOutcome.Done or WorkflowOutcome.Unchanged => new JsonResult(new { saved = true, version = result.Current!.Version }),
            WorkflowOutcome.Stale => new JsonResult(new { saved = false, conflict = true, version = result.Current!.Version, message = ui.T(result.Message) })
            {
                StatusCode = StatusCodes.Status409Conflict,
            },
            _ => new JsonResult(new { saved = false, message = ui.T(result.Message) }) { StatusCode = StatusCodes.Status403Forbidden },
        };
    }

    private async Task<bool> HandledAsync(StoryChange result, StoryContent yours, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return true;
        }

        if (result.Outcome == WorkflowOutcome.Stale && result.Current is { } current)
        {
            var lastBy = await db.StoryRevisions.AsNoTracking().Where(r => r.StoryId == current.Id)
                .OrderByDescending(r => r.Version).ThenByDescending(r => r.At).Select(r => r.AuthorName).FirstOrDefaultAsync(cancellationToken);
            var theirs = NewsroomStories.AsText(current.Content);
            var mine = NewsroomStories.AsText(yours);
            Conflict = new ConflictView(current.Version, lastBy ?? "?", theirs, mine,
                InlineDiffBuilder.Diff(theirs, mine).Lines);
            Story = current;
            // The form keeps what this editor typed; saving again now (after merging) is based on the saved version.
            Form.Version = current.Version;
        }
        else
        {
            Problem = ui.T(result.Message);
            if (result.Current is { } story)
            {
                Story = story;
                Form.Version = story.Version;
            }
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        await LoadAsync(cancellationToken);
        return false;
    }

    private bool EditSegments(string op)
    {
        var parts = op.Split(':');
        var index = parts.Length == 2 && int.TryParse(parts[1], out var i) ? i : -1;
        switch (parts[0])
        {
            case "add":
                Form.Segments.Add(new SegmentForm { Kind = parts.Length == 2 ? parts[1] : "reporter" });
                return true;
            case "remove" when index >= 0 && index < Form.Segments.Count:
                Form.Segments.RemoveAt(index);
                return true;
            case "up" when index > 0 && index < Form.Segments.Count:
                (Form.Segments[index - 1], Form.Segments[index]) = (Form.Segments[index], Form.Segments[index - 1]);
                return true;
            case "down" when index >= 0 && index < Form.Segments.Count - 1:
                (Form.Segments[index + 1], Form.Segments[index]) = (Form.Segments[index], Form.Segments[index + 1]);
                return true;
            case "add" or "remove" or "up" or "down":
                return true;
            default:
                return false;
        }
    }

    private async Task<Media.MediaUpload> UploadAsync(IFormFile photo, Core.Media.MediaFields fields, StaffActor actor, CancellationToken cancellationToken)
    {
        await using var content = photo.OpenReadStream();
        return await media.UploadAsync(content, fields, Core.Media.FocalPoint.Centre, actor, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        LeadPicture = Form.LeadMediaId is { } leadId
            ? (await media.PicturesAsync([leadId], cancellationToken)).GetValueOrDefault(leadId)
            : null;
        var actor = StaffActor.From(User);
        Sections = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ToListAsync(cancellationToken);
        if (Story is not null)
        {
            Actions = [.. StoryWorkflow.Table.ActionsFor(actor.Roles, Story.Status).Where(StoryActions.OnTheActionRoute.Contains)];
            CanEdit = StoryWorkflow.Table.Allows(actor.Roles, Story.Status, StoryAction.Edit);
            OthersEditing = await presence.OthersAsync(Story.Id, actor.Name, cancellationToken);
        }
        else
        {
            // A new story: whoever may start one may write it and, once it is saved, submit it.
            CanEdit = StoryWorkflow.Table.Allows(actor.Roles, null, StoryAction.Create);
            Actions = CanEdit ? [StoryAction.Submit] : [];
        }
    }

    public Language FormLanguage => LanguageCodes.TryParse(Form.Language, out var l) ? l : Language.Korean;

    public string ReadTimeOf(string? text) => Format(ReadTime.Of(text ?? "", FormLanguage, ReadTimeOptions));

    public string TotalReadTime() => Format(Form.Segments.Aggregate(TimeSpan.Zero, (t, s) => t + ReadTime.Of(s.Text ?? "", FormLanguage, ReadTimeOptions))
        + ReadTime.Of(Form.SignOff ?? "", FormLanguage, ReadTimeOptions));

    private static string Format(TimeSpan span) => $"{(int)span.TotalMinutes}:{span.Seconds:00}";

    public string ActionLabel(StoryAction action) => action switch
    {
        StoryAction.Submit => ui.T(EditorText.SubmitToTheDesk),
        StoryAction.Approve => ui.T(EditorText.Approve),
        StoryAction.Schedule => ui.T(EditorText.Schedule),
        StoryAction.Publish => Story?.Status == StoryStatus.Published ? ui.T(EditorText.PublishChanges) : ui.T(EditorText.Publish),
        StoryAction.Correct => ui.T(EditorText.PublishACorrection),
        StoryAction.Unpublish => ui.T(EditorText.Unpublish),
        StoryAction.Kill => ui.T(EditorText.Kill),
        _ => action.ToCode(),
    };
}
