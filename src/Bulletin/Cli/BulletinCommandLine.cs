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

    /// <summary>
    /// Settings given as --Section:Key=value (or --Section:Key value) for any verb. They are taken out of the
    /// arguments before parsing, so that no verb mistakes one for a file name, and carried in this hidden option.
    /// </summary>
    private static readonly Option<string[]> SettingOption = new("--setting")
    {
        Hidden = true,
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("Bulletin: a newsroom and news-publishing platform for broadcast newsrooms.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.Options.Add(DataDirOption);
        root.Options.Add(SettingOption);

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

        return await root.Parse(CarrySettings(args)).InvokeAsync();
    }

    /// <summary>The --Section:Key=value settings given, in the form configuration reads them.</summary>
    internal static string[] SettingsOf(ParseResult result) =>
        [.. (result.GetValue(SettingOption) ?? []).Select(s => "--" + s)];

    private static List<string> CarrySettings(string[] args)
    {
        var carried = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (arg == "--")
            {
                // Everything after "--" is an argument as it is.
                carried.AddRange(args[i..]);
                break;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || !name.Contains(':', StringComparison.Ordinal))
            {
                carried.Add(arg);
                continue;
            }

            var value = arg.Contains('=', StringComparison.Ordinal) ? arg[(name.Length + 1)..] : i + 1 < args.Length ? args[++i] : "";
            carried.Add(SettingOption.Name);
            carried.Add($"{name[2..]}={value}");
        }

        return carried;
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
