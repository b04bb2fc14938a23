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

        try
        {
            var app = BulletinWebApp.Build([.. BulletinCommandLine.SettingsOf(result), .. result.UnmatchedTokens], dataDirectory);
            await using (app)
            {
                return await BulletinWebApp.RunAsync(app, cancellationToken);
            }
        }
        catch (IOException e) when (e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"bulletin: {e.Message} Another program is using that port: choose another with --urls http://127.0.0.1:PORT.");
            return 1;
        }
        catch (DatabaseBehindException e)
        {
            await Console.Error.WriteLineAsync($"bulletin: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException })
        {
            await Console.Error.WriteLineAsync($"bulletin: the database could not be opened: {(e.InnerException ?? e).Message}");
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"bulletin: the configuration is not valid: {string.Join(" ", e.Failures)}");
            return 1;
        }
    }
}
