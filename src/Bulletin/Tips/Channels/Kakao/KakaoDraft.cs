namespace Bulletin.Tips.Channels.Kakao;

public sealed class KakaoDraft
{
    public List<string> Lines { get; } = [];

    /// <summary>The characters of every line so far: a draft holds no more than one tip may.</summary>
    public int Length => Lines.Sum(l => l.Length) + Lines.Count;
    public List<byte[]> Pictures { get; } = [];
    public DateTimeOffset Touched { get; set; }

    /// <summary>Kakao users can be quick with the send button; one user's turns are taken one at a time.</summary>
    public SemaphoreSlim Turn { get; } = new(1, 1);
}
