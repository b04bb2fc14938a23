namespace Bulletin.Core.Workflow;

/// <summary>The roles a member of staff can hold; a person may hold several.</summary>
public static class StaffRoles
{
    public const string Reporter = "reporter";
    public const string Editor = "editor";
    public const string Producer = "producer";
    public const string TipDesk = "tipdesk";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Reporter, Editor, Producer, TipDesk, Admin];

    /// <summary>Who may start a new story.</summary>
    public static readonly IReadOnlySet<string> Writers = new HashSet<string>(StringComparer.Ordinal) { Reporter, Editor };

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
