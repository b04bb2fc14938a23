using System.Text.Json;
using System.Xml.Linq;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Ingest.Feeds;
using Bulletin.Ingest.Markup;
using Bulletin.Ingest.NewsMlG2;
using Bulletin.Ingest.Ninjs;
using Bulletin.Ingest.Wxr;

namespace Bulletin.Ingest;

/// <summary>
/// Reads a file of any format Bulletin takes, told from its contents unless the caller says which: XML by its root
/// (a WordPress export, NewsML-G2, RSS or Atom), JSON by its shape (a JSON Feed, a ninjs item), anything else as a
/// broadcast page. One file may give many results (a feed, an export, a newsMessage); a file that cannot be read
/// gives one failed result saying why.
/// </summary>
public static class StoryFiles
{
    /// <summary>A WordPress export of a large site runs to tens of megabytes; a wire item or a page to kilobytes.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowTrailingCommas = true };

    public static IReadOnlyList<ReadResult> Read(ReadOnlySpan<byte> bytes, IngestFormat format = IngestFormat.Auto)
    {
        if (bytes.Length > MaxBytes)
        {
            return [ReadResult.Failure($"The file is {bytes.Length / (1024 * 1024)} MB; Bulletin reads files of up to {MaxBytes / (1024 * 1024)} MB.")];
        }

        var kind = format == IngestFormat.Auto ? Sniff(bytes) : format;
        switch (kind)
        {
            case IngestFormat.Page:
                return Tagged([BroadcastPageReader.Read(bytes)], kind);
            case IngestFormat.Ninjs:
                return Tagged([NinjsReader.Read(bytes)], kind);
            case IngestFormat.Feed when StartsWith(bytes, '{'):
                return Tagged(JsonFeedReader.Read(bytes), kind);
        }

        var (document, error) = SafeXml.Load(bytes);
        if (document?.Root is not { } root)
        {
            return [ReadResult.Failure(error!) with { Format = kind }];
        }

        if (kind == IngestFormat.Auto)
        {
            kind = WxrReader.IsWxr(root) ? IngestFormat.Wxr
                : NewsMlG2Reader.IsNewsMl(root) ? IngestFormat.NewsMlG2
                : FeedReader.IsFeed(root) ? IngestFormat.Feed
                : IngestFormat.Auto;
        }

        return kind switch
        {
            IngestFormat.Wxr => Tagged(WxrReader.Read(root), kind),
            IngestFormat.NewsMlG2 => Tagged(NewsMlG2Reader.Read(root), kind),
            IngestFormat.Feed => Tagged(FeedReader.Read(root), kind),
            _ => root.Name.LocalName.Equals("html", StringComparison.OrdinalIgnoreCase)
                ? [ReadResult.Failure("The file is an HTML document, not a saved page text, a feed or a wire item.")]
                : [ReadResult.Failure($"The file is XML (its root is <{root.Name.LocalName}>) in no format Bulletin reads: NewsML-G2, RSS, Atom or a WordPress export.")],
        };
    }

    private static IReadOnlyList<ReadResult> Tagged(IReadOnlyList<ReadResult> results, IngestFormat format) =>
        [.. results.Select(r => r with { Format = format })];

    /// <summary>The format the bytes are in, as far as their start tells; Auto when it is XML to be judged by its root.</summary>
    public static IngestFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (StartsWith(bytes, '<') || IsUtf16Or32(bytes))
        {
            return IngestFormat.Auto;
        }

        if (StartsWith(bytes, '{'))
        {
            try
            {
                using var document = JsonDocument.Parse(StripBom(bytes).ToArray(), JsonOptions);
                return JsonFeedReader.IsJsonFeed(document.RootElement) ? IngestFormat.Feed : IngestFormat.Ninjs;
            }
            catch (JsonException)
            {
                // The page reader names a broken JSON file as JSON; so does the ninjs reader, with the parser's reason.
                return IngestFormat.Ninjs;
            }
        }

        return IngestFormat.Page;
    }

    private static bool StartsWith(ReadOnlySpan<byte> bytes, char c)
    {
        var rest = StripBom(bytes);
        var i = 0;
        while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < rest.Length && rest[i] == (byte)c;
    }

    private static ReadOnlySpan<byte> StripBom(ReadOnlySpan<byte> bytes) => bytes is [0xEF, 0xBB, 0xBF, ..] ? bytes[3..] : bytes;

    /// <summary>XML in UTF-16 or UTF-32, with or without a byte-order mark, starts with '&lt;' and zero bytes.</summary>
    private static bool IsUtf16Or32(ReadOnlySpan<byte> bytes) =>
        bytes is [0xFF, 0xFE, 0, 0, ..] or [0, 0, 0xFE, 0xFF, ..] or [0, 0, 0, (byte)'<', ..] or [(byte)'<', 0, 0, 0, ..]
            or [0, (byte)'<', ..] or [(byte)'<', 0, ..]
            || (bytes is [0xFF, 0xFE, (byte)'<', 0, ..] or [0xFE, 0xFF, 0, (byte)'<', ..]);
}
