namespace Bulletin.Staff;

/// <summary>The "Newsroom" configuration section: sign-in limits and session lengths. The defaults suit a newsroom of any size.</summary>
public sealed class NewsroomOptions
{
    public const string SectionName = "Newsroom";

    public int SignInAttemptsPerClientPerMinute { get; set; } = 30;
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 10;
    public int FailedSignInsBeforeLockout { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>A staff session left unused this long ends (each request moves the end on).</summary>
    public int SessionIdleHours { get; set; } = 12;

    /// <summary>However busy, a staff session ends this long after its sign-in: one long shift, then sign in again.</summary>
    public int SessionHours { get; set; } = 16;
}
