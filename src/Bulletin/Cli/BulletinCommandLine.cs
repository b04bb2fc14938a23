using System.CommandLine;
using Bulletin.Hosting;

namespace Bulletin.Cli;

/// <summary>The verbs of the `bulletin` executable.</summary>
public static class BulletinCommandLine
{
    public static readonly Option<string?> DataDirOption = new("--data-dir")
    {
        Description = $"Where Bulletin keeps everything (default: ./data, or ${DataDirectory.EnvironmentVariable})",
        Recursive = true,
    };

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Bulletin: a newsroom and news-publishing platform for broadcast newsrooms.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(DataDirOption);

        var serve = ServeCommand.Create();
        root.Subcommands.Add(serve);
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(BackupCommand.CreateBackup());
        root.Subcommands.Add(BackupCommand.CreateRestore());

        // Serving is the default: `bulletin --urls http://127.0.0.1:8080` is `bulletin serve --urls ...`.
        root.SetAction((result, cancellationToken) =>
        {
            var stray = result.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
            if (stray is not null && result.UnmatchedTokens[0] == stray)
            {
                Console.Error.WriteLine($"bulletin: unknown command '{stray}'. See 'bulletin --help'.");
                return Task.FromResult(2);
            }

            return ServeCommand.RunAsync(result, cancellationToken);
        });

        return await root.Parse(args).InvokeAsync();
    }

    /// <summary>Resolves the data directory, or explains why it cannot be used.</summary>
    internal static DataDirectory? DataDirectoryOf(ParseResult result)
    {
        try
        {
            return DataDirectory.Resolve(result.GetValue(DataDirOption));
        }
        catch (DataDirectoryException e)
        {
            Console.Error.WriteLine($"bulletin: {e.Message}");
            return null;
        }
    }
}
