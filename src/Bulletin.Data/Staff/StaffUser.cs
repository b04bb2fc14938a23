using Microsoft.AspNetCore.Identity;

namespace Bulletin.Data.Staff;

/// <summary>A member of the newsroom's staff who signs in to Bulletin.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string? DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in and its tokens stop working; its stories and history stay.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Name => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id.ToString() : DisplayName;
}
