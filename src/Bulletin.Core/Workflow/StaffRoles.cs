namespace Bulletin.Core.Workflow;

/// <summary>The roles a member of staff can hold; a person may hold several.</summary>
public static class StaffRoles
{
    public const string Reporter = "reporter";
    public const string Editor = "editor";
    public const string Producer = "producer";
    public const string TipDesk = "tipdesk";
    public const string Admin = "admin";

    /// <summary>Bulletin's own roles, named in the workflow tables, never given to a person (not in <see cref="All"/>).</summary>
    public const string Scheduler = "scheduler";

    /// <inheritdoc cref="Scheduler"/>
    public const string Importer = "importer";

    /// <inheritdoc cref="Scheduler"/>
    public const string Reader = "reader";

    public static readonly IReadOnlyList<string> All = [Reporter, Editor, Producer, TipDesk, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>A set of roles for a table row.</summary>
    public static IReadOnlySet<string> Set(params string[] roles) => new HashSet<string>(roles, StringComparer.Ordinal);
}
