using System.CommandLine;
using Bulletin.Data;
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
                position = await db.Outbox.MaxAsync(m => (long?)m.Id, cancellationToken) ?? 0;
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

            var bar = new ProgressBar(total);
            await index.RebuildAsync(position, new SynchronousProgress(bar.Report), cancellationToken);
            bar.Report(index.Index.Count);
            await Console.Error.WriteLineAsync();
            Console.WriteLine($"Indexed {index.Index.Count:N0} stories.");
            return index.Position == position ? 0 : 1;
        }
    }

    /// <summary>Reports on the writer's thread: Progress&lt;T&gt; would post to a pool thread and could print after the end.</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>A one-line bar on standard error, redrawn in place.</summary>
    private sealed class ProgressBar(int total)
    {
        private const int Width = 40;
        private readonly System.Threading.Lock _gate = new();

        public void Report(int done)
        {
            lock (_gate)
            {
                var fraction = total == 0 ? 1 : Math.Min(1.0, (double)done / total);
                var filled = (int)(fraction * Width);
                Console.Error.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {(int)(fraction * 100),3}% {done:N0}/{total:N0}");
            }
        }
    }
}
