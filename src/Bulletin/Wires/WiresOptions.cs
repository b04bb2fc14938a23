namespace Bulletin.Wires;

/// <summary>The "Wires" configuration section: the agencies and outlets whose stories arrive by themselves.</summary>
public sealed class WiresOptions
{
    public const string SectionName = "Wires";

    public List<WireSourceOptions> Sources { get; set; } = [];

    /// <summary>The longest wait between tries of a wire that keeps failing: an hour, so a wire back up is seen soon.</summary>
    public int MaxBackoffSeconds { get; set; } = 3600;

    /// <summary>
    /// How long an item stays in the Incoming queue, whatever became of it: a month by default. The queue is then a
    /// month of wires at most, so its lists and headline searches stay that size however long Bulletin runs; what
    /// was taken or published lives on as the story, which keeps its source, identity and version.
    /// </summary>
    public int KeepDays { get; set; } = 30;

    /// <summary>Why the configuration cannot be used, or null when it can.</summary>
    public string? Problem()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in Sources)
        {
            if (string.IsNullOrWhiteSpace(source.Name) || source.Name.Length > 100)
            {
                return "Every Wires:Sources entry needs a Name of 1 to 100 characters.";
            }

            if (!names.Add(source.Name))
            {
                return $"Two wires are called '{source.Name}'.";
            }

            if (!Ingest.IngestFormats.TryParse(source.Format, out _))
            {
                return $"Wire '{source.Name}': Format '{source.Format}' is not one of {Ingest.IngestFormats.Names}.";
            }

            if (source.Interval is < 1 or > 86_400)
            {
                return $"Wire '{source.Name}': Interval must be 1 to 86400 seconds.";
            }

            switch (source.Kind)
            {
                case WireKind.Folder when string.IsNullOrWhiteSpace(source.Path):
                    return $"Wire '{source.Name}' is a folder wire and needs a Path.";
                case WireKind.Http when !Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"):
                    return $"Wire '{source.Name}' is an http wire and needs an absolute http or https Url.";
            }
        }

        return MaxBackoffSeconds < 1 ? "Wires:MaxBackoffSeconds must be positive."
            : KeepDays is < 1 or > 3650 ? "Wires:KeepDays must be 1 to 3650 days."
            : null;
    }
}
