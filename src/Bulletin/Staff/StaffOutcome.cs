using Bulletin.Data.Staff;
using Microsoft.AspNetCore.Identity;

namespace Bulletin.Staff;

/// <summary>
/// What a change to an account came to: done (with the one-time password or token to show once, if any), or refused
/// with the reason in <see cref="Problem"/>, in which case nothing was changed or audited.
/// </summary>
public sealed record StaffOutcome(StaffUser? User, string? Secret, string? Problem)
{
    public bool Succeeded => Problem is null;

    public static StaffOutcome Done(StaffUser user, string? secret = null) => new(user, secret, null);

    public static StaffOutcome Refused(string problem) => new(null, null, problem);

    public static StaffOutcome Refused(IdentityResult result) =>
        Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
}
