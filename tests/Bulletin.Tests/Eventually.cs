using System.Diagnostics;

namespace Bulletin.Tests;

/// <summary>
/// The one way a test waits for something that happens a moment later (the outbox reaching a page, the scheduler,
/// the search index, a process starting, a mailbox emptying): ask again every interval until the answer is the
/// one awaited, and fail naming what was awaited and the last answer when it does not come. The limit only stops
/// a hung test; it is generous on purpose and measures nothing (benchmarks measure speed).
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Asks until <paramref name="done"/> holds for the answer, and returns that answer.</summary>
    public static async Task<T> UntilAsync<T>(
        string awaited, Func<Task<T>> ask, Func<T, bool> done, TimeSpan? limit = null, Func<T, string>? describe = null)
    {
        var bound = limit ?? DefaultLimit;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await ask();
            if (done(answer))
            {
                return answer;
            }

            if (clock.Elapsed > bound)
            {
                var last = describe is null ? answer?.ToString() : describe(answer);
                Assert.Fail($"Waited {bound.TotalSeconds:0.#} s for {awaited}; the last answer was: {Shorten(last)}");
            }

            await Task.Delay(DefaultInterval, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Asks until the condition is true.</summary>
    public static Task UntilAsync(string awaited, Func<Task<bool>> condition, TimeSpan? limit = null) =>
        UntilAsync(awaited, condition, ok => ok, limit, ok => ok ? "yes" : "not yet");

    private static string Shorten(string? text) =>
        text is null ? "(nothing)" : text.Length <= 300 ? text : text[..300] + "…";
}
