using Bulletin.Data;
using Bulletin.Data.Outbox;

namespace Bulletin.Publishing;

/// <summary>
/// On PostgreSQL, wakes this node's outbox processor when any node commits a change (LISTEN/NOTIFY), so its page
/// cache and search index follow within a second. While the listening connection is down the processor polls as
/// often as it did without one, and this reconnects every few seconds.
/// </summary>
public sealed partial class OutboxListener(DatabaseOptions options, OutboxSignal signal, TimeProvider time, ILogger<OutboxListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await OutboxChannel.ListenAsync(options, signal.Notify, () =>
                {
                    signal.Listening = true;
                    LogListening(logger);
                    signal.Notify();
                }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (signal.Listening)
                {
                    LogDropped(logger, e);
                }
            }
            finally
            {
                // The processor may be in a long wait begun while notifications came: it must start polling now.
                signal.Listening = false;
                signal.Notify();
            }

            try
            {
                await Task.Delay(Reconnect, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for outbox notifications")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox notification connection dropped; polling the outbox until it is back")]
    private static partial void LogDropped(ILogger logger, Exception exception);
}
