namespace Bulletin.Search.Benchmark;

internal static class Folders
{
    public static long Size(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(file => new FileInfo(file).Length);

    /// <summary>The shared samples beside the repository, as the tests find them.</summary>
    public static string? Samples()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BULLETIN_SAMPLES");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bulletin.slnx")))
            {
                var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "samples"));
                return Directory.Exists(beside) ? beside : null;
            }
        }

        return null;
    }
}
