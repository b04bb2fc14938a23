namespace Bulletin.Backup;

/// <summary>One file of a backup, by its path inside the backup folder, with its size and SHA-256 to check it on restore.</summary>
public sealed record BackupFile(string Path, long Bytes, string Sha256);
