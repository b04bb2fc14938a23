namespace Bulletin.Hosting;

/// <summary>
/// The one folder that holds everything Bulletin keeps: the database, keys, media and the search index.
/// Chosen by --data-dir, else BULLETIN_DATA_DIR, else ./data.
/// </summary>
public sealed record DataDirectory(string Path)
{
    public const string EnvironmentVariable = "BULLETIN_DATA_DIR";

    /// <summary>The folder that would be used, neither created nor checked (for a verb that only reads its arguments).</summary>
    public static DataDirectory Locate(string? fromCommandLine)
    {
        var chosen = fromCommandLine;
        if (string.IsNullOrWhiteSpace(chosen))
        {
            chosen = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        if (string.IsNullOrWhiteSpace(chosen))
        {
            chosen = "data";
        }

        return new DataDirectory(System.IO.Path.GetFullPath(chosen));
    }

    public static DataDirectory Resolve(string? fromCommandLine)
    {
        var full = Locate(fromCommandLine).Path;
        try
        {
            Directory.CreateDirectory(full);
            var probe = System.IO.Path.Combine(full, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataDirectoryException($"The data directory '{full}' cannot be written to: {e.Message}", e);
        }

        return new DataDirectory(full);
    }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);
}
