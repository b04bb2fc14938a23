namespace Bulletin.Backup;

/// <summary>
/// What a backup folder holds, written last: a folder without it is an unfinished backup, and restore refuses it.
/// <paramref name="TipKeyCheck"/> is a value sealed with the tip key, so a restore can tell a wrong key before it
/// writes anything.
/// </summary>
public sealed record BackupManifest(
    int Format,
    DateTimeOffset CreatedAt,
    string Provider,
    string DatabaseFile,
    bool TipKeyIncluded,
    string? TipKeyCheck,
    IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;
}
