using Bulletin.Data.Staff;

namespace Bulletin.Staff;

/// <summary>A member of staff as the admin page and `bulletin users list` show them.</summary>
public sealed record StaffMember(StaffUser User, IReadOnlyList<string> Roles, int ActiveTokens);
