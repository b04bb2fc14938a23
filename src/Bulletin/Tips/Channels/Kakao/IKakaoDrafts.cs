namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// Kakao users' drafts, forgotten 30 minutes after their last turn, at most <see cref="MaxDrafts"/> at a time (a
/// flood of new senders is turned away rather than pushing out drafts people are still writing). Kakao users can be
/// quick with the send button, so one sender's turns are taken one at a time. In this process's memory for one node
/// (<see cref="MemoryKakaoDrafts"/>), sealed in Redis for several (<see cref="RedisKakaoDrafts"/>), so a sender's next
/// turn may reach any node.
/// </summary>
public interface IKakaoDrafts
{
    public const int MaxDrafts = 10_000;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Waits for the sender's previous turn to end and opens their draft (a new one if they have none), or null when
    /// so many people are writing one that this new sender must wait.
    /// </summary>
    Task<KakaoTurn?> BeginTurnAsync(string sender, CancellationToken cancellationToken);
}
