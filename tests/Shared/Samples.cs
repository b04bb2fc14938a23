namespace Bulletin.Testing;

/// <summary>
/// Finds the third-party test material in ../shared/samples beside the repository. Tests that need it
/// call <see cref="Require"/>, which skips them with a message saying so when the folder is absent.
/// </summary>
internal static class Samples
{
    private static readonly Lazy<string?> Root = new(Locate);

    public static string? Directory => Root.Value;

    /// <summary>The full path of a file or folder under the samples, or a skip when the samples are absent.</summary>
    public static string Require(string relativePath)
    {
        var root = Root.Value;
        if (root is null)
        {
            Assert.Skip("../shared/samples is not beside the repository; this test reads third-party material from it.");
        }

        var path = Path.Combine(root, relativePath);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            Assert.Skip($"../shared/samples/{relativePath} is missing.");
        }

        return path;
    }

    /// <summary>The repository's root: the folder that holds Bulletin.slnx.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bulletin.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Bulletin.slnx was not found above the test's folder.");
        }
    }

    private static string? Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BULLETIN_SAMPLES");
        if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        var beside = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "samples"));
        return System.IO.Directory.Exists(beside) ? beside : null;
    }
}
