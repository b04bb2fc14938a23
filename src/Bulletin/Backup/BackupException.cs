namespace Bulletin.Backup;

/// <summary>A backup or restore that cannot go on, with a message that says what to do about it.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
