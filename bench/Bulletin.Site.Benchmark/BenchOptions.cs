using System.Globalization;

namespace Bulletin.Site.Benchmark;

/// <summary>What to run: archive sizes, how long each measurement lasts, how many connections wrk keeps open.</summary>
internal sealed record BenchOptions
{
    public IReadOnlyList<int> Sizes { get; init; } = [10_000];
    public int Seconds { get; init; } = 10;
    public int WarmUpSeconds { get; init; } = 3;
    public int JitWarmUpSeconds { get; init; } = 30;
    public int Connections { get; init; } = 8;
    public int RebuildTimeoutSeconds { get; init; } = 900;
    public string ServerCore { get; init; } = "1";
    public string LoadCore { get; init; } = "0";
    public bool Keep { get; init; }
    public bool Help { get; init; }

    /// <summary>The measured lines to run (<see cref="Lines"/>); all when empty. nginx's line always runs.</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public static readonly IReadOnlyList<string> Lines = ["cached", "uncached", "home", "section", "search", "feeds", "sitemaps", "api", "desk"];

    public bool Runs(string line) => Only.Count == 0 || Only.Contains(line);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = [.. Next().Split(',').Select(ParseSize)] },
                "--seconds" => options with { Seconds = Int() },
                "--warm-up" => options with { WarmUpSeconds = Int() },
                "--jit-warm-up" => options with { JitWarmUpSeconds = Int() },
                "--connections" => options with { Connections = Int() },
                "--rebuild-timeout" => options with { RebuildTimeoutSeconds = Int() },
                "--server-core" => options with { ServerCore = Next() },
                "--load-core" => options with { LoadCore = Next() },
                "--keep" => options with { Keep = true },
                "--help" or "-h" => options with { Help = true },
                "--only" => options with { Only = [.. Next().Split(',').Select(Line)] },
                _ => throw new ArgumentException($"Unknown option {args[i]}. " + Usage),
            };
        }

        return options;
    }

    public const string Usage =
        "Options: --sizes 10k,100k,1m  --seconds 10 (each measurement)  --warm-up 3 (before each)  --jit-warm-up 30 (once " +
        "per server)  --connections 8  --rebuild-timeout 900  --server-core 1  --load-core 0  --keep (leave the work folder)  " +
        "--only cached,uncached,home,section,search,feeds,sitemaps,api,desk (the lines to measure; all by default)";

    private static string Line(string name) =>
        Lines.Contains(name.Trim()) ? name.Trim() : throw new ArgumentException($"No line {name}: the lines are {string.Join(", ", Lines)}.");

    private static int ParseSize(string text)
    {
        text = text.Trim().ToLowerInvariant();
        var factor = text.EndsWith('k') ? 1_000 : text.EndsWith('m') ? 1_000_000 : 1;
        return int.Parse(factor == 1 ? text : text[..^1], CultureInfo.InvariantCulture) * factor;
    }
}
