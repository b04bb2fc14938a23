using System.CommandLine;
using Bulletin.Hosting;

namespace Bulletin.Cli;

/// <summary>`bulletin serve [--urls URLS]`: the web site, the newsroom and the APIs.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var command = new Command("serve", "Serve the site (the default). ASP.NET Core options such as --urls pass through.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var dataDirectory = BulletinCommandLine.DataDirectoryOf(result);
        if (dataDirectory is null)
        {
            return 1;
        }

        var app = BulletinWebApp.Build([.. result.UnmatchedTokens], dataDirectory);
        await using (app)
        {
            return await BulletinWebApp.RunAsync(app, cancellationToken);
        }
    }
}
