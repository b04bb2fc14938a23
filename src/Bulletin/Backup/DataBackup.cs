using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Bulletin.Data;
using Bulletin.Hosting;
using Bulletin.Tips;
using Bulletin.Tips.Privacy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Bulletin.Backup;

/// <summary>
/// Backs up everything a data directory holds while Bulletin serves, and restores it into a new one.
/// The database is copied as one consistent snapshot (SQLite's <c>VACUUM INTO</c>, which reads inside one
/// transaction while writers go on; <c>pg_dump</c>, which does the same on PostgreSQL), then the keys and media
/// files. Files are copied after the snapshot, so every file a snapshot row names is already on disk. The search
/// index is left out: a restored node rebuilds it at start-up. The manifest is written last, so an interrupted
/// backup is never mistaken for a whole one.
/// </summary>
public sealed class DataBackup(IConfiguration configuration, DataDirectory dataDirectory, IOptions<TipsOptions> tipsOptions, TimeProvider time)
{
    private readonly DatabaseOptions database = configuration.Database();
    private readonly TipsOptions tips = tipsOptions.Value;

    public const string SqliteFile = "bulletin.db";
    public const string PostgresFile = "bulletin.pgdump";

    private static readonly Guid KeyCheckId = new("6b1f7d2e-0c4a-4e55-9b1e-3d2f8a7c5e10");
    private const string KeyCheckText = "Bulletin backup: this value opens with the tip key of the backed-up data directory.";
    private static readonly string[] CopiedFolders = ["keys", "media"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Writes a backup into <paramref name="destination"/>, a folder that is new or empty. With
    /// <paramref name="tipKeyTo"/>, the tip key goes to that file instead of into the backup, to be kept apart.
    /// </summary>
    public async Task<BackupManifest> BackupAsync(string destination, string? tipKeyTo, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(destination);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"'{target}' already holds files. Back up into a new or empty folder.");
        }

        if (IsInside(target, dataDirectory.Path))
        {
            throw new BackupException("The backup folder is inside the data directory; choose a folder outside it.");
        }

        Directory.CreateDirectory(target);
        var createdAt = time.GetUtcNow();
        var databaseFile = database.Provider == DatabaseProvider.Sqlite ? SqliteFile : PostgresFile;
        var databasePath = Path.Combine(target, databaseFile);
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await SnapshotSqliteAsync(databasePath, cancellationToken);
        }
        else
        {
            await RunPostgresToolAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", databasePath], cancellationToken);
        }

        var files = new List<BackupFile> { await DescribeAsync(target, databaseFile, cancellationToken) };
        var keyFile = dataDirectory.Combine(TipKeys.KeyFile);
        var keepKeyApart = tipKeyTo is not null && File.Exists(keyFile);
        foreach (var folder in CopiedFolders)
        {
            var source = dataDirectory.Combine(folder);
            if (!Directory.Exists(source))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(dataDirectory.Path, file).Replace('\\', '/');
                if ((keepKeyApart && relative == TipKeys.KeyFile) || relative.EndsWith(".new", StringComparison.Ordinal))
                {
                    continue;
                }

                files.Add(await CopyAsync(file, Path.Combine(target, relative), relative, cancellationToken));
            }
        }

        if (keepKeyApart)
        {
            var apart = Path.GetFullPath(tipKeyTo!);
            Directory.CreateDirectory(Path.GetDirectoryName(apart)!);
            await CopyAsync(keyFile, apart, TipKeys.KeyFile, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(apart, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        var manifest = new BackupManifest(
            BackupManifest.CurrentFormat,
            createdAt,
            database.Provider.ToString(),
            databaseFile,
            TipKeyIncluded: files.Any(f => f.Path == TipKeys.KeyFile),
            TipKeyCheck: KeyCheck(),
            files);
        var manifestPath = Path.Combine(target, BackupManifest.FileName);
        await File.WriteAllTextAsync(manifestPath + ".new", JsonSerializer.Serialize(manifest, Json), cancellationToken);
        File.Move(manifestPath + ".new", manifestPath);
        return manifest;
    }

    /// <summary>
    /// Restores a backup into this data directory and database, which must both be empty. The tip key comes from the
    /// backup, from <paramref name="tipKeyFile"/> (the one kept apart), or from Tips:Key; a wrong one is refused
    /// before anything is written.
    /// </summary>
    public async Task<RestoreSummary> RestoreAsync(string source, string? tipKeyFile, CancellationToken cancellationToken)
    {
        var from = Path.GetFullPath(source);
        var manifestPath = Path.Combine(from, BackupManifest.FileName);
        if (!File.Exists(manifestPath))
        {
            throw new BackupException(Directory.Exists(from)
                ? $"'{from}' is not a whole Bulletin backup: it has no {BackupManifest.FileName} (a backup that was interrupted has none)."
                : $"'{from}' does not exist.");
        }

        BackupManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestPath, cancellationToken), Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new BackupException($"The backup's {BackupManifest.FileName} is damaged: {e.Message}", e);
        }

        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new BackupException($"This backup is of format {manifest.Format}; this Bulletin reads format {BackupManifest.CurrentFormat}.");
        }

        if (!string.Equals(manifest.Provider, database.Provider.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw new BackupException($"This backup was made from {manifest.Provider} and Bulletin is set up for {database.Provider}. " +
                "Restore it with the same Database:Provider.");
        }

        foreach (var file in manifest.Files)
        {
            await VerifyAsync(from, file, cancellationToken);
        }

        var keyFromBackup = manifest.TipKeyIncluded ? Path.Combine(from, TipKeys.KeyFile) : null;
        var key = await ChooseTipKeyAsync(manifest, keyFromBackup, tipKeyFile, cancellationToken);

        foreach (var folder in CopiedFolders)
        {
            var existing = dataDirectory.Combine(folder);
            if (Directory.Exists(existing) && Directory.EnumerateFileSystemEntries(existing).Any())
            {
                throw new BackupException($"The data directory '{dataDirectory.Path}' already holds {folder}/. Restore into a new data directory.");
            }
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var path = SqlitePath();
            if (File.Exists(path))
            {
                throw new BackupException($"'{path}' already exists. Restore into a new data directory.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(Path.Combine(from, manifest.DatabaseFile), path);
        }
        else
        {
            await RequireEmptyPostgresAsync(cancellationToken);
            await RunPostgresToolAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", Path.Combine(from, manifest.DatabaseFile)], cancellationToken);
        }

        var copied = 0;
        foreach (var file in manifest.Files.Where(f => f.Path != manifest.DatabaseFile))
        {
            await CopyAsync(Path.Combine(from, file.Path), dataDirectory.Combine(file.Path), file.Path, cancellationToken);
            copied++;
        }

        if (key.WriteTo is { } keyText)
        {
            var path = dataDirectory.Combine(TipKeys.KeyFile);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, keyText, cancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        await using var db = BulletinData.CreateContext(database, dataDirectory.Path);
        var stories = await db.Stories.CountAsync(cancellationToken);
        var tipCount = await db.ReaderTips.CountAsync(cancellationToken);
        return new RestoreSummary(manifest.CreatedAt, stories, tipCount, copied);
    }

    private async Task SnapshotSqliteAsync(string target, CancellationToken cancellationToken)
    {
        var path = SqlitePath();
        if (!File.Exists(path))
        {
            throw new BackupException($"There is no database at '{path}' to back up.");
        }

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = 30,
        }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", target);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            throw new BackupException($"The database could not be copied: {e.Message}", e);
        }
    }

    private string SqlitePath()
    {
        using var db = BulletinData.CreateContext(database, dataDirectory.Path);
        return Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
    }

    private async Task RequireEmptyPostgresAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            throw new BackupException($"The database '{connection.Database}' already has tables. Restore into a new, empty database.");
        }
    }

    private async Task RunPostgresToolAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--host=" + (connection.Host ?? "127.0.0.1"));
        start.ArgumentList.Add("--port=" + connection.Port);
        if (connection.Username is { } user)
        {
            start.ArgumentList.Add("--username=" + user);
        }

        start.ArgumentList.Add("--dbname=" + connection.Database);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The password goes by environment, never on a command line that other users can read.
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BackupException($"{tool} was not found. Install PostgreSQL's client tools (Debian: postgresql-client) of the server's version.", e);
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new BackupException($"{tool} failed (exit {process.ExitCode}): {(await error).Trim()}");
            }
        }
    }

    private sealed record ChosenKey(string? WriteTo);

    private async Task<ChosenKey> ChooseTipKeyAsync(BackupManifest manifest, string? keyFromBackup, string? tipKeyFile, CancellationToken cancellationToken)
    {
        string? keyText = null;
        string origin;
        if (tipKeyFile is not null)
        {
            if (!File.Exists(tipKeyFile))
            {
                throw new BackupException($"The tip key file '{tipKeyFile}' does not exist.");
            }

            keyText = (await File.ReadAllTextAsync(tipKeyFile, cancellationToken)).Trim();
            origin = $"the tip key in '{tipKeyFile}'";
        }
        else if (keyFromBackup is not null)
        {
            keyText = (await File.ReadAllTextAsync(keyFromBackup, cancellationToken)).Trim();
            origin = "the tip key in the backup";
        }
        else if (!string.IsNullOrWhiteSpace(tips.Key))
        {
            origin = "Tips:Key";
        }
        else if (manifest.TipKeyCheck is not null)
        {
            throw new BackupException("This backup was made without its tip key. Give the key kept apart with --tip-key FILE " +
                "(or set Tips:Key): without it no tip in the backup can be read.");
        }
        else
        {
            return new ChosenKey(null);
        }

        if (manifest.TipKeyCheck is not null && !OpensKeyCheck(keyText ?? tips.Key!, manifest.TipKeyCheck))
        {
            throw new BackupException($"{char.ToUpperInvariant(origin[0])}{origin[1..]} does not open this backup's tips: it is " +
                "not the key they were sealed with. Nothing was restored.");
        }

        // The backup's own key file is copied with the other keys; a key given apart is written in its place.
        return new ChosenKey(tipKeyFile is not null ? keyText : null);
    }

    private static bool OpensKeyCheck(string key, string check)
    {
        try
        {
            var keys = new TipKeys(Options.Create(new TipsOptions { Key = key }), new DataDirectory(Path.GetTempPath()));
            return new TipSealer(keys).Open(KeyCheckId, Convert.FromBase64String(check)) == KeyCheckText;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    private string? KeyCheck()
    {
        if (string.IsNullOrWhiteSpace(tips.Key) && !File.Exists(dataDirectory.Combine(TipKeys.KeyFile)))
        {
            // No key was ever made, so no tip was ever sealed.
            return null;
        }

        var keys = new TipKeys(Options.Create(tips), dataDirectory);
        return Convert.ToBase64String(new TipSealer(keys).Seal(KeyCheckId, KeyCheckText));
    }

    private static async Task<BackupFile> CopyAsync(string from, string to, string relative, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        await using var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await using var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            total += read;
        }

        await output.FlushAsync(cancellationToken);
        output.Flush(flushToDisk: true);
        return new BackupFile(relative, total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<BackupFile> DescribeAsync(string folder, string relative, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, relative);
        await using var input = File.OpenRead(path);
        var sha = await SHA256.HashDataAsync(input, cancellationToken);
        return new BackupFile(relative, input.Length, Convert.ToHexStringLower(sha));
    }

    private static async Task VerifyAsync(string folder, BackupFile file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(folder, file.Path));
        if (!IsInside(path, folder) || !File.Exists(path))
        {
            throw new BackupException($"The backup lacks {file.Path}, which its manifest lists.");
        }

        var actual = await DescribeAsync(folder, file.Path, cancellationToken);
        if (actual.Bytes != file.Bytes || actual.Sha256 != file.Sha256)
        {
            throw new BackupException($"{file.Path} in the backup is damaged: it is not the file the backup wrote. Nothing was restored.");
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
