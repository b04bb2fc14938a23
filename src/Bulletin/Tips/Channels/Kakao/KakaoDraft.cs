namespace Bulletin.Tips.Channels.Kakao;

public sealed class KakaoDraft
{
    public List<string> Lines { get; } = [];
    public List<byte[]> Pictures { get; } = [];
    public DateTimeOffset Touched { get; set; }

    /// <summary>Kakao users can be quick with the send button; one user's turns are taken one at a time.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);
}
