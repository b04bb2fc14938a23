using Spectre.Console;

namespace Bulletin.Cli;

/// <summary>
/// A progress bar for long verbs (import, reindex), drawn on standard error with Spectre.Console so that standard
/// output stays clean for programs (`--json`). Drawn only when standard error is a terminal: a log file or a pipe
/// gets the closing summary alone, not thousands of redraws.
/// </summary>
public static class ConsoleProgress
{
    public static bool CanShow => !Console.IsErrorRedirected;

    /// <summary>
    /// Runs <paramref name="work"/>, which reports how much of <paramref name="total"/> is done through the action it
    /// is given (from any thread). Without a terminal, or with <paramref name="show"/> false, the reports go nowhere.
    /// </summary>
    public static async Task<T> RunAsync<T>(string what, long total, bool show, Func<Action<long>, Task<T>> work)
    {
        if (!show || !CanShow)
        {
            return await work(_ => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
        });
        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn { Alignment = Justify.Left },
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(what), maxValue: Math.Max(1, total));
                var result = await work(done => task.Value = Math.Min(done, total));
                task.Value = task.MaxValue;
                return result;
            });
    }
}
