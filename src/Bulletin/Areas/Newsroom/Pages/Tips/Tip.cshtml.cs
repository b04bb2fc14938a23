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
public sealed class TipModel(TipDesk desk, UserManager<StaffUser> users) : PageModel
{
    public TipView? Tip { get; private set; }

    public IReadOnlyList<string> Reporters { get; private set; } = [];

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => await ShowAsync(id, cancellationToken);

    /// <summary>The scrubbed copy of a file (audited), as a download.</summary>
    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var tip = await desk.ReadAsync(id, Me, cancellationToken);
        var file = tip?.Files.FirstOrDefault(f => f.Id == fileId);
        var stream = file is null ? null : await desk.OpenStaffCopyAsync(id, fileId, Me, cancellationToken);
        return stream is null ? NotFound() : File(stream, file!.ContentType, file.Name);
    }

    /// <summary>The original, metadata and all: only by this explicit, audited action, never for publishing.</summary>
    public async Task<IActionResult> OnPostOriginalAsync(Guid id, Guid fileId, CancellationToken cancellationToken)
    {
        var tip = await desk.ReadAsync(id, Me, cancellationToken);
        var file = tip?.Files.FirstOrDefault(f => f.Id == fileId);
        var stream = file is null ? null : await desk.OpenOriginalAsync(id, fileId, Me, cancellationToken);
        return stream is null ? NotFound() : File(stream, "application/octet-stream", "UNSCRUBBED-do-not-publish-" + file!.Name);
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => desk.StartReviewAsync(id, Me, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, string? assignee, CancellationToken cancellationToken)
    {
        var reporters = await ReportersAsync();
        if (string.IsNullOrWhiteSpace(assignee) || !reporters.Contains(assignee, StringComparer.Ordinal))
        {
            Problem = "Choose a reporter.";
            return await ShowAsync(id, cancellationToken);
        }

        return await ActAsync(id, () => desk.AssignAsync(id, assignee, Me, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => desk.DeclineAsync(id, Me, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSpamAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, () => desk.MarkSpamAsync(id, Me, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostUsedAsync(Guid id, Guid? storyId, CancellationToken cancellationToken) =>
        storyId is { } story ? ActAsync(id, () => desk.MarkUsedAsync(id, story, Me, cancellationToken), cancellationToken) : FailAsync(id, "A story id is needed.", cancellationToken);

    public Task<IActionResult> OnPostLinkAsync(Guid id, Guid? storyId, CancellationToken cancellationToken) =>
        storyId is { } story ? ActAsync(id, () => desk.LinkStoryAsync(id, story, Me, cancellationToken), cancellationToken) : FailAsync(id, "A story id is needed.", cancellationToken);

    public Task<IActionResult> OnPostNoteAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text) ? FailAsync(id, "The note is empty.", cancellationToken)
            : ActAsync(id, () => desk.AddNoteAsync(id, Me, text.Trim(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(Guid id, string? text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text) ? FailAsync(id, "The reply is empty.", cancellationToken)
            : ActAsync(id, () => desk.ReplyAsync(id, Me, text.Trim(), cancellationToken), cancellationToken);

    /// <summary>Merges another tip (a duplicate) into this one.</summary>
    public Task<IActionResult> OnPostMergeAsync(Guid id, Guid? duplicateId, CancellationToken cancellationToken) =>
        duplicateId is { } duplicate && duplicate != id
            ? ActAsync(id, () => desk.MergeAsync(duplicate, id, Me, cancellationToken), cancellationToken)
            : FailAsync(id, "Give the id of another tip.", cancellationToken);

    private string Me => StaffActor.From(User).Name;

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action, CancellationToken cancellationToken)
    {
        if (!await desk.ExistsAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await action();
        }
        catch (Exception e) when (e is TipWorkflowException or InvalidOperationException or ArgumentException)
        {
            return await FailAsync(id, e.Message, cancellationToken);
        }

        return Redirect($"/newsroom/tips/tip/{id}");
    }

    private async Task<IActionResult> FailAsync(Guid id, string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        return await ShowAsync(id, cancellationToken);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken cancellationToken)
    {
        Tip = await desk.ReadAsync(id, Me, cancellationToken);
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
