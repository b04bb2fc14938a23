namespace Bulletin.Core.Workflow;

/// <summary>
/// Who takes a workflow action: a member of staff with their roles, or Bulletin itself (the scheduler, an import,
/// a reader's channel) with a role of its own that no person can be given. The tables say what each role may do.
/// </summary>
public record Actor(Guid? Id, string Name, IReadOnlyList<string> Roles)
{
    /// <summary>Stories applied from a source (imports, the demo newsroom): the source has already decided.</summary>
    public static readonly Actor Importer = new(null, "importer", [StaffRoles.Importer]);

    /// <summary>A reader sending a tip through a public channel.</summary>
    public static readonly Actor Reader = new(null, "tipster", [StaffRoles.Reader]);

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
