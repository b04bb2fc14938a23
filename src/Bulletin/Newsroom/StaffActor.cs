using System.Security.Claims;
using Bulletin.Core.Workflow;

namespace Bulletin.Newsroom;

/// <summary>Who is acting in the host: a signed-in member of staff, a token holder, or Bulletin itself (the scheduler).</summary>
public sealed record StaffActor(Guid? Id, string Name, IReadOnlyList<string> Roles) : Actor(Id, Name, Roles)
{
    /// <summary>Publishes what an editor scheduled; the story table gives its role that one row.</summary>
    public static readonly StaffActor Scheduler = new(null, "scheduler", [StaffRoles.Scheduler]);

    public static StaffActor From(ClaimsPrincipal user)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        var name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
        // Bulletin's own roles are never a person's, whatever a claim says.
        return new StaffActor(id, name, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(StaffRoles.IsKnown)]);
    }
}
