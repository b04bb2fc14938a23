namespace Bulletin.Staff;

/// <summary>The "Newsroom" configuration section: sign-in limits. The defaults suit a newsroom of any size.</summary>
public sealed class NewsroomOptions
{
    public const string SectionName = "Newsroom";

    public int SignInAttemptsPerClientPerMinute { get; set; } = 30;
    public int SignInAttemptsPerAccountPerMinute { get; set; } = 10;
    public int FailedSignInsBeforeLockout { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
}
