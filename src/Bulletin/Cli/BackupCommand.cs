using System.CommandLine;
using Bulletin.Backup;

namespace Bulletin.Cli;

/// <summary>`bulletin backup DEST` while the site serves, and `bulletin restore SRC` into a new data directory.</summary>
public static class BackupCommand
{
    public static Command CreateBackup()
    {
        var destination = new Argument<string>("destination") { Description = "A new or empty folder for the backup" };
        var tipKeyTo = new Option<string?>("--tip-key-to")
        {
            Description = "Write the tip key to this file instead of into the backup, to keep the two apart",
        };
        var command = new Command("backup", "Back up the database, keys and media while Bulletin serves.") { destination, tipKeyTo };
        command.SetAction((result, cancellationToken) => RunAsync(result, async backup =>
        {
            var manifest = await backup.BackupAsync(result.GetValue(destination)!, result.GetValue(tipKeyTo), cancellationToken);
            var bytes = manifest.Files.Sum(f => f.Bytes);
            Console.WriteLine($"Backed up the {manifest.Provider} database and {manifest.Files.Count - 1} files ({bytes:N0} bytes) " +
                $"to {Path.GetFullPath(result.GetValue(destination)!)}.");
            Console.WriteLine(manifest.TipKeyIncluded
                ? "The tip key is in the backup: keep the backup as safe as the server."
                : manifest.TipKeyCheck is null
                    ? "No tip key exists yet."
                    : "The tip key is NOT in the backup: restore needs it (--tip-key FILE, or Tips:Key).");
        }, cancellationToken));
        return command;
    }

    public static Command CreateRestore()
    {
        var source = new Argument<string>("source") { Description = "A folder written by bulletin backup" };
        var tipKey = new Option<string?>("--tip-key") { Description = "The tip key file kept apart with --tip-key-to" };
        var command = new Command("restore", "Restore a backup into a new data directory and an empty database.") { source, tipKey };
        command.SetAction((result, cancellationToken) => RunAsync(result, async backup =>
        {
            var summary = await backup.RestoreAsync(result.GetValue(source)!, result.GetValue(tipKey), cancellationToken);
            Console.WriteLine($"Restored the backup of {summary.BackupCreatedAt:u}: {summary.Stories:N0} stories, {summary.Tips:N0} tips, " +
                $"{summary.Files:N0} files. The search index is rebuilt when Bulletin starts.");
        }, cancellationToken));
        return command;
    }

    /// <summary>Both verbs: the host's DataBackup, and a refusal said on standard error with exit code 1.</summary>
    private static async Task<int> RunAsync(ParseResult result, Func<DataBackup, Task> verb, CancellationToken cancellationToken)
    {
        await using var host = await CommandHost.OpenAsync(result, migrate: false, cancellationToken);
        if (host is null)
        {
            return 1;
        }

        try
        {
            await verb(host.Get<DataBackup>());
            return 0;
        }
        catch (BackupException e)
        {
            await Console.Error.WriteLineAsync($"bulletin {result.CommandResult.Command.Name}: {e.Message}");
            return 1;
        }
    }
}
