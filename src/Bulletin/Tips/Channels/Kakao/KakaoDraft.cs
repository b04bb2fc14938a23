namespace Bulletin.Tips.Channels.Kakao;

/// <summary>What a Kakao user has said and sent so far, until they confirm or cancel.</summary>
public sealed class KakaoDraft
{
    public List<string> Lines { get; init; } = [];

    /// <summary>The characters of every line so far: a draft holds no more than one tip may.</summary>
    public int Length => Lines.Sum(l => l.Length) + Lines.Count;
    public List<byte[]> Pictures { get; init; } = [];
}
