namespace Bulletin.Staff;

/// <summary>What a sign-in attempt came to, as the sign-in page shows it.</summary>
public enum StaffSignInResult
{
    SignedIn,

    /// <summary>The password was right and the account has a second factor: ask for the code.</summary>
    NeedsCode,

    /// <summary>
    /// Unknown account, wrong password or code, disabled, or locked: one answer for all, so the page tells nobody
    /// which accounts exist.
    /// </summary>
    Refused,

    /// <summary>Too many attempts at this account (or from this browser) just now.</summary>
    Throttled,
}
