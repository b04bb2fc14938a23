namespace Bulletin.Broadcast.Mos;

/// <summary>A studio device (prompter, graphics, playout) Bulletin connects to.</summary>
public sealed class MosDeviceOptions
{
    public string Id { get; set; } = "";
    public string Host { get; set; } = "";
    public int Lower { get; set; } = 10540;
    public int Upper { get; set; } = 10541;
}
