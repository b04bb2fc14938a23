using Bulletin.Core.Tips;
using Bulletin.Core.Workflow;
using Bulletin.Data.Staff;
using Bulletin.Newsroom;
using Bulletin.Tips.Desk;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bulletin.Areas.Newsroom.Pages.Tips;

/// <summary>
/// One tip for the desk: its text (always encoded), contact and consent, files, conversation, and every desk action.
/// Opening it is audited by <see cref="TipDesk.ReadAsync"/>.
/// </summary>
public sealed class TipModel(TipDesk desk, UserManager<StaffUser> users, NewsroomUi ui) : PageModel
{
    public TipView? Tip { get; private set; }

    public IReadOnlyList<string> Reporters { get; private set; } = [];

    public string? Problem { get; private set; }

    /// <summary>A note or reply that was refused, back in its box.</summary>
    public string? NoteText { get; private set; }

    /// <inheritdoc cref="NoteText"/>
    public string? ReplyText { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    /// <summary>The scrubbed copy of a file (audited), as a download.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var tip = await desk.ReadAsync(id, Me.Name, cancellationToken);
        var file = tip?.Files.FirstOrDefault(f => f.Id == fileId);
        var stream = file is null ? null : await desk.OpenStaffCopyAsync(id, fileId, Me.Name, cancellationToken);
        return stream is null ? NotFound() : File(stream, file!.ContentType, file.Name);
    }

    /// <summary>The original, metadata and all: only by this explicit, audited action, never for publishing.</summary>
    public async Task<IActionResult> OnPostOriginalAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var tip = await desk.ReadAsync(id, Me.Name, cancellationToken);
        var file = tip?.Files.FirstOrDefault(f => f.Id == fileId);
        var stream = file is null ? null : await desk.OpenOriginalAsync(id, fileId, Me.Name, cancellationToken);
        return stream is null ? NotFound() : File(stream, "application/octet-stream", "UNSCRUBBED-do-not-publish-" + file!.Name);
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id, int? version, CancellationToken cancellationToken) =>
        ActAsync(id, () => desk.StartReviewAsync(id, Me, cancellationToken, version), cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, string? assignee, int? version, CancellationToken cancellationToken)
    {
        var reporters = await ReportersAsync();
        if (string.IsNullOrWhiteSpace(assignee) || !reporters.Contains(assignee, StringComparer.Ordinal))
        {
            Problem = ui.T(TipDeskText.ChooseAReporter);
            return await ShowAsync(id, cancellationToken);
        }

        return await ActAsync(id, () => desk.AssignAsync(id, assignee, Me, cancellationToken, version), cancellationToken);
    }

    public Task<IActionResult> OnPostDeclineAsync(Guid id, int? version, CancellationToken cancellationToken) =>
        ActAsync(id, () => desk.DeclineAsync(id, Me, cancellationToken, version), cancellationToken);

    public Task<IActionResult> OnPostSpamAsync(Guid id, int? version, CancellationToken cancellationToken) =>
        ActAsync(id, () => desk.MarkSpamAsync(id, Me, cancellationToken, version), cancellationToken);

    public Task<IActionResult> OnPostUsedAsync(Guid id, Guid? storyId, int? version, CancellationToken cancellationToken) =>
        storyId is { } story ? ActAsync(id, () => desk.MarkUsedAsync(id, story, Me, cancellationToken, version), cancellationToken) : FailAsync(id, ui.T(TipDeskText.StoryIdNeeded), cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(Guid id, Guid? storyId, int? version, CancellationToken cancellationToken) =>
        storyId is { } story ? ActAsync(id, () => desk.LinkStoryAsync(id, story, Me, cancellationToken, version), cancellationToken) : FailAsync(id, ui.T(TipDeskText.StoryIdNeeded), cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(Guid id, string? text, int? version, CancellationToken cancellationToken)
    {
        // Kept for the form if the note is refused (stale, say), so nothing typed is lost.
        NoteText = text;
        return string.IsNullOrWhiteSpace(text) ? FailAsync(id, ui.T(TipDeskText.NoteEmpty), cancellationToken)
            : ActAsync(id, () => desk.AddNoteAsync(id, Me, text, cancellationToken, version), cancellationToken);
    }

    public Task<IActionResult> OnPostReplyAsync(Guid id, string? text, int? version, CancellationToken cancellationToken)
    {
        ReplyText = text;
        return string.IsNullOrWhiteSpace(text) ? FailAsync(id, ui.T(TipDeskText.ReplyEmpty), cancellationToken)
            : ActAsync(id, () => desk.ReplyAsync(id, Me, text, cancellationToken, version), cancellationToken);
    }

    /// <summary>Merges another tip (a duplicate) into this one.</summary>
    public Task<IActionResult> OnPostMergeAsync(Guid id, Guid? duplicateId, int? version, CancellationToken cancellationToken) =>
        duplicateId is { } duplicate && duplicate != id
            ? ActAsync(id, () => desk.MergeAsync(duplicate, id, Me, cancellationToken, version), cancellationToken)
            : FailAsync(id, ui.T(TipDeskText.OtherTipIdNeeded), cancellationToken);

    private StaffActor Me => StaffActor.From(User);

    /// <summary>
    /// Takes the action and shows the tip again. A refusal is shown on the page with its reason; a stale action (another
    /// desk member acted first) answers 409 with the tip as it now stands and what this member typed still in the form.
    /// </summary>
    private async Task<IActionResult> ActAsync(Guid id, Func<Task<WorkflowResult>> action, CancellationToken cancellationToken)
    {
        var result = await action();
        switch (result.Outcome)
        {
            case WorkflowOutcome.Done or WorkflowOutcome.Unchanged:
                return Redirect($"/newsroom/tips/tip/{id}");
            // The other tip of a merge may be the one missing: then this page says so.
            case WorkflowOutcome.NotFound when !await desk.ExistsAsync(id, cancellationToken):
                return NotFound();
            case WorkflowOutcome.Stale:
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
        }

        return await FailAsync(id, ui.T(result.Reason) ?? "", cancellationToken);
    }

    private async Task<IActionResult> FailAsync(Guid id, string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Tip = await desk.ReadAsync(id, Me.Name, cancellationToken);
        if (Tip is null)
        {
            return NotFound();
        }

        Reporters = await ReportersAsync();
        return Page();
    }

    private async Task<IReadOnlyList<string>> ReportersAsync() =>
        [.. (await users.GetUsersInRoleAsync(StaffRoles.Reporter)).Where(u => u.Email is not null).Select(u => u.Email!).Order(StringComparer.Ordinal)];
}
