using System.Text;
using System.Text.RegularExpressions;

namespace Bulletin.Broadcast.Mos;

/// <summary>
/// Splits a MOS byte stream into messages. MOS has no length prefix: a message is one balanced
/// <c>&lt;mos&gt;…&lt;/mos&gt;</c> in UTF-16 big-endian, and whitespace between messages is skipped. Anything else
/// is reported once per run and dropped, and a message that grows past the limit is reported and then skipped to
/// its end without being kept, so a peer can neither exhaust memory nor kill the connection.
/// </summary>
public sealed partial class MosFrameReader(Stream stream, int maxChars)
{
    private const string Open = "<mos>";
    private const string Close = "</mos>";

    private readonly Decoder _decoder = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false).GetDecoder();
    private readonly byte[] _bytes = new byte[16 * 1024];
    private readonly char[] _chars = new char[8 * 1024 + 2];
    private readonly StringBuilder _text = new();
    private readonly Queue<MosFrame> _ready = new();
    private int _depth;
    private int _scanned;
    private bool _inside;
    private bool _skipping;

    /// <summary>The next frame, or null when the peer closed the connection.</summary>
    public async ValueTask<MosFrame?> ReadAsync(CancellationToken cancellationToken)
    {
        while (_ready.Count == 0)
        {
            var read = await stream.ReadAsync(_bytes, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            var count = _decoder.GetChars(_bytes, 0, read, _chars, 0);
            _text.Append(_chars, 0, count);
            Scan();
        }

        return _ready.Dequeue();
    }

    private void Scan()
    {
        while (true)
        {
            if (!_inside)
            {
                var start = 0;
                while (start < _text.Length && (char.IsWhiteSpace(_text[start]) || _text[start] == '\uFEFF'))
                {
                    start++;
                }

                _text.Remove(0, start);
                if (_text.Length == 0)
                {
                    return;
                }

                var open = IndexOf(Open, 0);
                if (open != 0)
                {
                    // Keep only a tail that may be the start of "<mos>" split across reads.
                    var junkLength = open > 0 ? open : _text.Length - PartialOpenAtEnd();
                    if (junkLength == 0)
                    {
                        return;
                    }

                    var junk = _text.ToString(0, Math.Min(junkLength, 256));
                    _text.Remove(0, junkLength);
                    _ready.Enqueue(MosFrame.Refused(DescribeJunk(junk)));
                    if (open < 0)
                    {
                        // Junk with an odd number of bytes would shift every later character by one byte; a peer
                        // writes each message in one go, so the next read starts on a boundary again.
                        _decoder.Reset();
                        return;
                    }

                    continue;
                }

                _inside = true;
                _skipping = false;
                _depth = 0;
                _scanned = 0;
            }

            if (!FindEnd(out var end))
            {
                if (!_skipping && _text.Length > maxChars)
                {
                    _ready.Enqueue(MosFrame.Refused(TooLarge, MessageId(_text.ToString(0, Math.Min(_text.Length, 4096)))));
                    _skipping = true;
                }

                if (_skipping)
                {
                    // Only the tail is kept, in case a tag is split across reads.
                    var drop = Math.Max(0, _text.Length - Close.Length);
                    _text.Remove(0, drop);
                    _scanned = Math.Max(0, _scanned - drop);
                }

                return;
            }

            var xml = _text.ToString(0, end);
            _text.Remove(0, end);
            _inside = false;
            if (!_skipping)
            {
                _ready.Enqueue(xml.Length > maxChars
                    ? MosFrame.Refused(TooLarge, MessageId(xml[..Math.Min(xml.Length, 4096)]))
                    : MosFrame.Message(xml));
            }

            _skipping = false;
        }
    }

    /// <summary>Counts opening and closing mos tags from where the last scan stopped; true at the balancing close.</summary>
    private bool FindEnd(out int end)
    {
        var i = _scanned;
        while (i <= _text.Length - Open.Length)
        {
            if (_text[i] == '<')
            {
                if (Matches(Open, i))
                {
                    _depth++;
                    i += Open.Length;
                    continue;
                }

                if (i <= _text.Length - Close.Length && Matches(Close, i))
                {
                    _depth--;
                    i += Close.Length;
                    if (_depth <= 0)
                    {
                        end = i;
                        return true;
                    }

                    continue;
                }

                if (i > _text.Length - Close.Length)
                {
                    break;
                }
            }

            i++;
        }

        _scanned = i;
        end = 0;
        return false;
    }

    private string TooLarge => $"The message is larger than {maxChars * 2} bytes; it was dropped.";

    /// <summary>How many characters at the end could begin "&lt;mos&gt;" once more arrives.</summary>
    private int PartialOpenAtEnd()
    {
        for (var n = Math.Min(Open.Length - 1, _text.Length); n > 0; n--)
        {
            if (Matches(Open[..n], _text.Length - n))
            {
                return n;
            }
        }

        return 0;
    }

    private bool Matches(string tag, int at)
    {
        for (var k = 0; k < tag.Length; k++)
        {
            if (_text[at + k] != tag[k])
            {
                return false;
            }
        }

        return true;
    }

    private int IndexOf(string tag, int from)
    {
        for (var i = from; i <= _text.Length - tag.Length; i++)
        {
            if (Matches(tag, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static string DescribeJunk(string junk)
    {
        if (junk.StartsWith("<!", StringComparison.Ordinal) || junk.StartsWith("<?", StringComparison.Ordinal))
        {
            return "MOS messages carry no XML declaration or DTD; it was dropped.";
        }

        // ASCII markup read as UTF-16 big-endian turns into CJK-looking pairs; "<m" becomes U+3C6D.
        return junk.Any(c => c is '\u3C6D' or '\u3C00' or '\u6D00') || !junk.Contains('<', StringComparison.Ordinal)
            ? "This is not a MOS message in UTF-16 big-endian (is it UTF-8 or little-endian?); it was dropped."
            : "Text outside a <mos> message was dropped.";
    }

    internal static string? MessageId(string text) => MessageIdPattern().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"<messageID>\s*(\d{1,18})\s*</messageID>")]
    private static partial Regex MessageIdPattern();
}
