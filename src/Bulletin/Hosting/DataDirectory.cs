namespace Bulletin.Hosting;

/// <summary>
/// The one folder that holds everything Bulletin keeps: the database, keys, media and the search index.
/// Chosen by --data-dir, else BULLETIN_DATA_DIR, else ./data.
/// </summary>
public sealed record DataDirectory(string Path)
{
    public const string EnvironmentVariable = "BULLETIN_DATA_DIR";

    public static DataDirectory Resolve(string? fromCommandLine)
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

        var full = System.IO.Path.GetFullPath(chosen);
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
