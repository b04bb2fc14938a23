using System.Security.Claims;

namespace Bulletin.Newsroom;

/// <summary>Who is acting: a signed-in member of staff, a token holder, or Bulletin itself (the scheduler).</summary>
public sealed record StaffActor(Guid? Id, string Name, IReadOnlyList<string> Roles)
{
    public static readonly StaffActor Scheduler = new(null, "scheduler", []);

    public static StaffActor From(ClaimsPrincipal user)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : (Guid?)null;
        var name = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "unknown";
        return new StaffActor(id, name, [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
    }

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
