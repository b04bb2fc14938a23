using Bulletin.Core.Text;

namespace Bulletin.Core.Workflow;

/// <summary>
/// What a workflow table says when it refuses an action, and the names of the roles it names. The Korean avoids
/// particles after a filled-in word (을/를 depend on the word), so every sentence reads right whatever is put in.
/// The English names states and actions by their codes, as the API and its callers spell them.
/// </summary>
public static class WorkflowText
{
    /// <summary>{0} the roles held, {1} the things in the table (stories), {2} the action.</summary>
    public static readonly Phrase RolesMayNot = new(
        "지금 역할({0})로는 {1}에 '{2}' 작업을 할 수 없습니다.",
        "Your roles ({0}) may not {2} {1}.");

    /// <summary>{0} the state, {1} the thing (story), {2} the action.</summary>
    public static readonly Phrase NotInThisState = new(
        "{0} 상태의 {1}에는 '{2}' 작업을 할 수 없습니다.",
        "'{2}' cannot be done to a {1} that is {0}.");

    /// <summary>{0} the action, {1} the states it is open from, {2} the things (stories).</summary>
    public static readonly Phrase OpenFrom = new(
        "'{0}' 작업은 {1} 상태의 {2}에 할 수 있습니다.",
        "'{0}' is open to {2} that are {1}.");

    /// <summary>{0} the thing (story), {1} the actions open to it.</summary>
    public static readonly Phrase OpenToThisOne = new(
        "이 {0}에 할 수 있는 작업: {1}.",
        "This {0} can take: {1}.");

    /// <summary>{0} the state, {1} the thing (story).</summary>
    public static readonly Phrase NothingMore = new(
        "{0} 상태의 {1}에는 더 할 수 있는 작업이 없습니다.",
        "The {1} is {0}; nothing more can be done with it.");

    /// <summary>{0} the state, {1} the thing (story), {2} the action, {3} the roles that may.</summary>
    public static readonly Phrase OnlyBy = new(
        "{0} 상태의 {1}에 '{2}' 작업은 이 역할만 할 수 있습니다: {3}.",
        "Only {3} may {2} a {1} that is {0}.");

    /// <summary>{0} the thing (story), {1} the action, {2} the roles that may.</summary>
    public static readonly Phrase OnlyByWhenNew = new(
        "새 {0}의 '{1}' 작업은 이 역할만 할 수 있습니다: {2}.",
        "Only {2} may {1} a new {0}.");

    /// <summary>{0} the thing (story), {1} the action.</summary>
    public static readonly Phrase NotACreatingAction = new(
        "'{1}' 작업은 새 {0} 만들기가 아닙니다.",
        "A {0} cannot be made by '{1}'.");

    public static readonly Phrase NoRole = new("역할 없음", "no role");
    public static readonly Phrase Or = new(" 또는 ", " or ");

    public static readonly Phrase Reporter = new("기자", StaffRoles.Reporter);
    public static readonly Phrase Editor = new("에디터", StaffRoles.Editor);
    public static readonly Phrase Producer = new("프로듀서", StaffRoles.Producer);
    public static readonly Phrase TipDesk = new("제보 담당", StaffRoles.TipDesk);
    public static readonly Phrase Admin = new("관리자", StaffRoles.Admin);
    public static readonly Phrase Scheduler = new("예약 출고", StaffRoles.Scheduler);
    public static readonly Phrase Importer = new("가져오기", StaffRoles.Importer);
    public static readonly Phrase Reader = new("독자", StaffRoles.Reader);

    /// <summary>A role's name; a role this list does not know is shown as it is spelt.</summary>
    public static Phrase Role(string role) => role switch
    {
        StaffRoles.Reporter => Reporter,
        StaffRoles.Editor => Editor,
        StaffRoles.Producer => Producer,
        StaffRoles.TipDesk => TipDesk,
        StaffRoles.Admin => Admin,
        StaffRoles.Scheduler => Scheduler,
        StaffRoles.Importer => Importer,
        StaffRoles.Reader => Reader,
        _ => new Phrase(role, role),
    };

    /// <summary>Names joined into one phrase ("기자, 에디터" / "reporter, editor").</summary>
    public static Phrase Join(IEnumerable<Phrase> names, Phrase? separator = null)
    {
        var list = names.ToList();
        return new Phrase(
            string.Join(separator?.Korean ?? ", ", list.Select(n => n.Korean)),
            string.Join(separator?.English ?? ", ", list.Select(n => n.English)));
    }
}
