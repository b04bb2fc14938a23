using Bulletin.Core.Stories;

using static Bulletin.Core.Stories.StoryStatus;
using static Bulletin.Core.Workflow.StoryAction;

namespace Bulletin.Core.Workflow;

/// <summary>
/// The editorial workflow as one table. Reporters write and submit; editors edit, approve, schedule, publish,
/// correct, unpublish and kill. Admins manage people and sections, not stories, so they appear in no row.
/// Imports apply what their source says, and the scheduler publishes what an editor scheduled; neither is a person.
/// Anything not in the table is refused.
/// </summary>
public static class StoryWorkflow
{
    private static readonly IReadOnlySet<string> Writers = StaffRoles.Set(StaffRoles.Reporter, StaffRoles.Editor);
    private static readonly IReadOnlySet<string> Editors = StaffRoles.Set(StaffRoles.Editor);
    private static readonly IReadOnlySet<string> EditorsAndScheduler = StaffRoles.Set(StaffRoles.Editor, StaffRoles.Scheduler);
    private static readonly IReadOnlySet<string> Importer = StaffRoles.Set(StaffRoles.Importer);

    // A wire that withdraws a story (NewsML-G2 or ninjs pubStatus canceled) kills the copy it sent, like an editor.
    private static readonly IReadOnlySet<string> EditorsAndImporter = StaffRoles.Set(StaffRoles.Editor, StaffRoles.Importer);

    public static readonly WorkflowTable<StoryStatus, StoryAction> Table = new(StoryWorkflowText.Names,
        [
            new(null, Create, Draft, Writers),
            new(null, Import, Draft, Importer),

            new(Draft, Edit, Draft, Writers),
            new(Draft, Submit, Submitted, Writers),
            new(Draft, Kill, Killed, EditorsAndImporter),

            new(Submitted, Edit, Submitted, Editors),
            new(Submitted, Approve, Approved, Editors),
            new(Submitted, Kill, Killed, EditorsAndImporter),

            new(Approved, Edit, Approved, Editors),
            new(Approved, Schedule, Scheduled, Editors),
            new(Approved, Publish, Published, Editors),
            new(Approved, Kill, Killed, EditorsAndImporter),

            new(Scheduled, Edit, Scheduled, Editors),
            new(Scheduled, Schedule, Scheduled, Editors),
            new(Scheduled, Publish, Published, EditorsAndScheduler),
            new(Scheduled, Kill, Killed, EditorsAndImporter),

            // Editing a published story changes its working version only; publishing again puts it live.
            new(Published, Edit, Published, Editors),
            new(Published, Publish, Published, Editors),
            new(Published, Correct, Published, Editors),
            new(Published, Unpublish, Unpublished, Editors),
            new(Published, Kill, Killed, EditorsAndImporter),

            new(Unpublished, Edit, Unpublished, Editors),
            new(Unpublished, Publish, Published, Editors),
            new(Unpublished, Kill, Killed, EditorsAndImporter),

            // A source's new version of a story it sent before; on a live story the page follows (the source published it).
            new(Draft, Import, Draft, Importer),
            new(Submitted, Import, Submitted, Importer),
            new(Approved, Import, Approved, Importer),
            new(Scheduled, Import, Scheduled, Importer),
            new(Published, Import, Published, Importer),
            new(Unpublished, Import, Unpublished, Importer),

            new(Draft, ImportLive, Published, Importer),
            new(Submitted, ImportLive, Published, Importer),
            new(Approved, ImportLive, Published, Importer),
            new(Scheduled, ImportLive, Published, Importer),
            new(Unpublished, ImportLive, Published, Importer),
        ]);
}
