using System.CommandLine;
using System.Data.Common;
using Bulletin.Data;
using Bulletin.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Bulletin.Cli;

/// <summary>
/// What a verb runs on: the web host's own services (<see cref="BulletinWebApp.CreateBuilder"/>), built with the same
/// settings (appsettings.json, environment, and --Section:Key=value on the command line) but never started, so no
/// background job runs and no port is opened. A verb resolves the importer, the staff service, the search index or
/// the database from <see cref="Services"/>, exactly as a page would.
/// </summary>
internal sealed class CommandHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly AsyncServiceScope _scope;

    private CommandHost(WebApplication app)
    {
        _app = app;
        _scope = app.Services.CreateAsyncScope();
    }

    /// <summary>One scope for the whole verb: a verb is one unit of work, like one request.</summary>
    public IServiceProvider Services => _scope.ServiceProvider;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Builds the services and, with <paramref name="migrate"/>, brings the database up to date. Null, after saying why
    /// on standard error, when the data directory, the settings or the database cannot be used.
    /// </summary>
    /// <param name="touchesData">False for a verb that only reads its arguments (a dry run): the data directory is not created.</param>
    public static async Task<CommandHost?> OpenAsync(ParseResult result, bool migrate, CancellationToken cancellationToken, bool touchesData = true)
    {
        var verb = "bulletin " + result.CommandResult.Command.Name;
        var dataDirectory = touchesData
            ? BulletinCommandLine.DataDirectoryOf(result)
            : DataDirectory.Locate(result.GetValue(BulletinCommandLine.DataDirOption));
        if (dataDirectory is null)
        {
            return null;
        }

        // Verbs print their own results on standard output; the host's log lines, warnings and worse, go to standard error.
        string[] args = ["--Logging:LogLevel:Default=Warning", .. BulletinCommandLine.SettingsOf(result)];
        var builder = BulletinWebApp.CreateBuilder(args, dataDirectory);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var host = new CommandHost(builder.Build());
        try
        {
            // The checks `serve` makes at start-up (a time zone this machine knows, limits in range...).
            host._app.Services.GetService<IStartupValidator>()?.Validate();
            if (migrate)
            {
                await DatabaseStartup.PrepareAsync(host.Get<BulletinDbContext>(), host.Get<IConfiguration>().Database(), cancellationToken);
            }

            return host;
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException { InnerExceptions: [OptionsValidationException, ..] })
        {
            var failures = e is AggregateException all
                ? all.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures)
                : ((OptionsValidationException)e).Failures;
            await Console.Error.WriteLineAsync($"{verb}: the configuration is not valid: {string.Join(" ", failures)}");
        }
        catch (DatabaseBehindException e)
        {
            await Console.Error.WriteLineAsync($"{verb}: {e.Message}");
        }
        catch (Exception e) when (e is DbException or InvalidOperationException { InnerException: DbException })
        {
            await Console.Error.WriteLineAsync($"{verb}: the database could not be opened: {(e.InnerException ?? e).Message}");
        }

        await host.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _app.DisposeAsync();
    }
}
