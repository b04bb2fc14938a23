namespace Bulletin.Backup;

/// <summary>What a restore brought back.</summary>
public sealed record RestoreSummary(DateTimeOffset BackupCreatedAt, int Stories, int Tips, int Files);
