using System.CommandLine;
using Bulletin.Data;
using Bulletin.Data.Outbox;
using Bulletin.Hosting;
using Bulletin.Publishing;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bulletin.Cli;

/// <summary>`bulletin reindex`: rebuilds the search index from the database, with a progress bar.</summary>
public static class ReindexCommand
{
    public static Command Create()
    {
        var command = new Command("reindex", "Rebuild the search index from the database (stop the server first).");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var host = await CommandHost.OpenAsync(result, migrate: true, cancellationToken);
        if (host is null)
        {
            return 1;
        }

        await using (host)
        {
            long position;
            int total;
            {
                var db = host.Get<BulletinDbContext>();
                position = await db.Outbox.NewestIdAsync(cancellationToken);
                total = await db.Stories.CountAsync(cancellationToken);
            }

            var index = host.Get<SearchIndexService>();
            try
            {
                index.Open();
            }
            catch (LockObtainFailedException)
            {
                await Console.Error.WriteLineAsync(
                    "bulletin reindex: the search index is open in a running Bulletin. Stop it first, or delete the " +
                    $"'{SearchIndexService.FolderName}' folder in the data directory and restart it: a missing index is rebuilt at start-up.");
                return 1;
            }

            await ConsoleProgress.RunAsync("Indexing", total, show: true, async advance =>
            {
                await index.RebuildAsync(position, new SynchronousProgress(done => advance(done)), cancellationToken);
                return 0;
            });
            if (!ConsoleProgress.CanShow)
            {
                // No bar was drawn: a log still says how far it got.
                var percent = total == 0 ? 100 : Math.Min(100, index.Index.Count * 100L / total);
                await Console.Error.WriteLineAsync($"Indexing: {percent}% ({index.Index.Count:N0} of {total:N0} stories)");
            }

            Console.WriteLine($"Indexed {index.Index.Count:N0} stories.");
            return index.Position == position ? 0 : 1;
        }
    }

    /// <summary>Reports on the writer's thread: Progress&lt;T&gt; would post to a pool thread and could report after the end.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
