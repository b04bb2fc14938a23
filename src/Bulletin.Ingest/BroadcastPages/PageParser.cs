using Bulletin.Core.Stories;

namespace Bulletin.Ingest.BroadcastPages;

/// <summary>
/// One pass over the lines of a page: headline, subheadlines and time line(s) at the top, then the script, then the
/// tail after the sign-off, where only site furniture is expected. Each non-blank line of story text is one paragraph.
/// </summary>
internal sealed class PageParser
{
    // A page's time line comes right under the headline and its few subheadlines.
    private const int MaxHeaderLines = 8;
    private const int MaxHeadlineLength = 300;
    private const int MaxDerivedHeadlineLength = 100;

    private readonly string[] _lines;
    private readonly List<string> _warnings = [];
    private readonly List<SegmentDraft> _segments = [];
    private readonly List<string> _tags = [];
    private readonly List<(int Index, string Text)> _unplaced = [];
    private SegmentDraft? _current;
    private SegmentDraft? _context;
    private string? _host;
    private List<string>? _guests;

    public PageParser(string text)
    {
        // Line numbers in warnings count from the top of the file, so keep the leading lines.
        var lineCount = 1;
        foreach (var c in text.AsSpan())
        {
            if (c == '\n')
            {
                lineCount++;
            }
        }

        _lines = new string[lineCount];
        var i = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (i == _lines.Length)
            {
                Array.Resize(ref _lines, _lines.Length * 2);
            }

            var trimmed = line.Trim().Trim('\uFEFF');
            _lines[i++] = trimmed.IsEmpty ? "" : trimmed.ToString();
        }

        if (i < _lines.Length)
        {
            Array.Resize(ref _lines, i);
        }

    }

    /// <summary>
    /// Reads what the page has: a page missing its headline, its time or its text is still imported, with what is
    /// missing said in a warning (a page with no time comes in as a draft for an editor to date); only a page with
    /// neither a headline nor any text is refused.
    /// </summary>
    public ReadResult Parse()
    {
        var index = NextNonBlank(0);
        var first = _lines[index];
        DateTimeOffset? published = null, updated = null;
        string? headline = first;
        var timeIndex = -1;
        if (PageTime.TryReadLine(first, ref published, ref updated))
        {
            headline = null;
            timeIndex = index;
            _warnings.Add($"The page starts with its time line ('{Excerpt(first)}'), not a headline; the headline is taken from the story's first sentence.");
        }
        else if (ScriptLine.Parse(first).Kind is not ScriptLineKind.Text)
        {
            headline = null;
            _warnings.Add($"The page starts with a script marker ('{Excerpt(first)}'), not a headline; the headline is taken from the story's first sentence.");
        }
        else if (first.Length > MaxHeadlineLength)
        {
            headline = null;
            _warnings.Add($"The first line is {first.Length} characters long, a paragraph rather than a headline; it is kept as story text and the headline is taken from its first sentence.");
        }

        var subheadlines = new List<string>(3);
        for (int i = index + 1, seen = 0; headline is not null && i < _lines.Length && seen <= MaxHeaderLines; i++)
        {
            var line = _lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (PageTime.TryReadLine(line, ref published, ref updated))
            {
                timeIndex = i;
                break;
            }

            if ((line[0] == '[' && ScriptLine.Parse(line).Kind != ScriptLineKind.Text) || line[0] == '■')
            {
                break;
            }

            // Korean pages print their subheadlines twice, and some repeat the headline above them.
            if (!subheadlines.Contains(line) && !string.Equals(line, headline, StringComparison.Ordinal))
            {
                subheadlines.Add(line);
            }

            seen++;
        }

        int bodyStart;
        if (timeIndex >= 0)
        {
            // A second time line may follow ("입력 ..." then "수정 ...").
            bodyStart = timeIndex + 1;
            var next = NextNonBlank(bodyStart);
            while (next < _lines.Length && PageTime.TryReadLine(_lines[next], ref published, ref updated))
            {
                bodyStart = next + 1;
                next = NextNonBlank(bodyStart);
            }
        }
        else
        {
            // Without a time line there is no telling subheadlines from the story's first lines: they stay story text.
            subheadlines.Clear();
            bodyStart = headline is null ? index : index + 1;
            _warnings.Add("No readable time: a broadcast page gives its time under the headline, as in '2024.10.16 오전 09:08'. " +
                "The story is imported as a draft for an editor to date.");
        }

        var body = ReadBody(bodyStart);

        // A marker with nothing under it ("[앵커]" straight after "[기자]") holds no story text.
        var segments = new List<ScriptSegment>(_segments.Count);
        foreach (var draft in _segments)
        {
            if (draft.Paragraphs.Count > 0)
            {
                segments.Add(draft.Build());
            }
        }

        if (headline is null)
        {
            if (segments.Count == 0)
            {
                return ReadResult.Failure("The page has neither a headline nor any story text.");
            }

            headline = HeadlineFrom(segments[0].Paragraphs.First());
        }

        if (segments.Count == 0)
        {
            _warnings.Add("The page has a headline but no story text.");
        }

        var story = new StoryContent
        {
            Headline = headline,
            Subheadlines = subheadlines,
            Language = DetectLanguage(headline, segments),
            Bylines = body.Bylines ?? PageBylines.Derive(segments, body.SignOff),
            Tags = _tags,
            Segments = segments,
            SignOff = body.SignOff,
            Programme = _host is null && _guests is null ? null : new Programme(_host, _guests ?? []),
            TranscriptDisclaimer = body.Disclaimer,
            PublishedAt = published,
            UpdatedAt = updated,
        };

        return ReadResult.Success(story, _warnings.Count == 0 ? [] : _warnings);
    }

    /// <summary>The first sentence of a paragraph, cut at a word near 100 characters when it runs longer.</summary>
    private static string HeadlineFrom(string paragraph)
    {
        var end = -1;
        foreach (var stop in new[] { ". ", "다. ", "? ", "! " })
        {
            var at = paragraph.IndexOf(stop, StringComparison.Ordinal);
            if (at > 0 && (end < 0 || at + stop.Length - 1 < end))
            {
                end = at + stop.Length - 1;
            }
        }

        var sentence = end > 0 ? paragraph[..end].Trim() : paragraph;
        if (sentence.Length <= MaxDerivedHeadlineLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxDerivedHeadlineLength);
        return string.Concat(sentence.AsSpan(0, cut > 20 ? cut : MaxDerivedHeadlineLength), "...");
    }

    private (string? SignOff, bool Disclaimer, List<string>? Bylines) ReadBody(int bodyStart)
    {
        var signOffIndex = FindSignOff(bodyStart);
        string? signOff = null;
        List<string>? bylines = null;
        var disclaimer = false;
        var header = true;
        var tail = false;
        var inList = false;
        var listEntries = 0;

        for (var i = bodyStart; i < _lines.Length; i++)
        {
            var line = _lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            if (i == signOffIndex)
            {
                signOff = line;
                tail = true;
                continue;
            }

            if (PageFurniture.IsTipBoxStart(line) || PageFurniture.IsCopyright(line))
            {
                tail = true;
                inList = false;
                continue;
            }

            if (PageFurniture.IsTipBoxChannel(line) || PageFurniture.IsControl(line) || PageFurniture.TryReadHashtags(line, _tags))
            {
                continue;
            }

            if (PageFurniture.IsSiteListHeading(line))
            {
                inList = tail;
                continue;
            }

            if (PageFurniture.IsDisclaimer(line))
            {
                disclaimer = true;
                continue;
            }

            if (line[0] == '■' && TryReadProgramme(line))
            {
                continue;
            }

            if (header && !tail && PageBylines.TryReadLine(line) is { } names)
            {
                bylines = names;
                continue;
            }

            if (tail)
            {
                if (inList)
                {
                    listEntries++;
                    continue;
                }

                _warnings.Add($"Line {i + 1} ('{Excerpt(line)}') comes after the end of the story and is not site furniture; it was kept at the end of the story.");
                AddText(i, line);
                continue;
            }

            header = false;
            var script = line[0] == '[' ? ScriptLine.Parse(line) : default;
            switch (script.Kind)
            {
                case ScriptLineKind.Anchor:
                case ScriptLineKind.Reporter:
                    Open(script.Kind == ScriptLineKind.Anchor ? SegmentKind.Anchor : SegmentKind.Reporter, null, null, null);
                    AddTextIfAny(i, script.Rest);
                    break;
                case ScriptLineKind.SpeakerTurn:
                    Open(SegmentKind.Speaker, script.Speaker, script.Title, script.When);
                    break;
                case ScriptLineKind.Soundbite:
                    AddSoundbite(i, script);
                    AddTextIfAny(i, script.Rest);
                    break;
                default:
                    AddText(i, line);
                    break;
            }
        }

        FlushUnplaced(afterMarker: false);
        if (listEntries > 0)
        {
            _warnings.Add($"Dropped {listEntries} line(s) listed under the site's story lists after the story (other stories' headlines).");
        }

        return (signOff, disclaimer, bylines);
    }

    private int FindSignOff(int bodyStart)
    {
        for (var i = _lines.Length - 1; i >= bodyStart; i--)
        {
            if (_lines[i].Length > 0 && PageBylines.IsSignOff(_lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private bool TryReadProgramme(string line)
    {
        var s = line.AsSpan(1).Trim();
        var colon = s.IndexOfAny(':', '：');
        if (colon <= 0)
        {
            return false;
        }

        var label = s[..colon].Trim();
        var value = s[(colon + 1)..].Trim().ToString();
        if (label is "진행" or "사회" || label.Equals("Host", StringComparison.OrdinalIgnoreCase)
            || label.Equals("Hosts", StringComparison.OrdinalIgnoreCase) || label.Equals("Presenter", StringComparison.OrdinalIgnoreCase)
            || label.Equals("MC", StringComparison.OrdinalIgnoreCase))
        {
            _host = _host is null ? value : _host + ", " + value;
            return true;
        }

        if (label is "출연" or "대담" or "패널" || label.Equals("Starring", StringComparison.OrdinalIgnoreCase)
            || label.Equals("Guest", StringComparison.OrdinalIgnoreCase) || label.Equals("Guests", StringComparison.OrdinalIgnoreCase)
            || label.Equals("Panel", StringComparison.OrdinalIgnoreCase) || label.Equals("Cast", StringComparison.OrdinalIgnoreCase)
            || label.Equals("Appearance", StringComparison.OrdinalIgnoreCase))
        {
            _guests ??= [];
            foreach (var guest in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                _guests.Add(guest);
            }

            return true;
        }

        return false;
    }

    private void Open(SegmentKind kind, string? speaker, string? title, string? when)
    {
        FlushUnplaced(afterMarker: true);
        _current = new SegmentDraft(kind, speaker, title, when);
        _segments.Add(_current);
        _context = _current;
    }

    private void AddSoundbite(int index, ScriptLine script)
    {
        FlushUnplaced(afterMarker: false);
        var draft = new SegmentDraft(SegmentKind.Soundbite, script.Speaker, script.Title, script.When);
        draft.Paragraphs.Add(script.Text);
        _segments.Add(draft);
        _current = null;
        if (script.Unclosed)
        {
            _warnings.Add($"Line {index + 1}: the soundbite of {script.Speaker ?? "an unnamed speaker"} has no closing ']'; its quote runs to the end of the line.");
        }
    }

    private void AddTextIfAny(int index, string text)
    {
        if (text.Length > 0)
        {
            AddText(index, text);
        }
    }

    private void AddText(int index, string text)
    {
        if (_current is not null)
        {
            _current.Paragraphs.Add(text);
            return;
        }

        if (_segments.Count == 0)
        {
            _unplaced.Add((index, text));
            return;
        }

        // Text after a soundbite goes on with whoever spoke before it; on a package, the reporter.
        _current = _context is null
            ? new SegmentDraft(SegmentKind.Reporter, null, null, null)
            : new SegmentDraft(_context.Kind, _context.Speaker, _context.Title, _context.When);
        _current.Paragraphs.Add(text);
        _segments.Add(_current);
    }

    // Text before the first marker: the whole story on a plain article, or lines the reader cannot place.
    private void FlushUnplaced(bool afterMarker)
    {
        if (_unplaced.Count == 0)
        {
            return;
        }

        var draft = new SegmentDraft(SegmentKind.Reporter, null, null, null);
        foreach (var (index, text) in _unplaced)
        {
            draft.Paragraphs.Add(text);
            if (afterMarker)
            {
                _warnings.Add($"Line {index + 1} ('{Excerpt(text)}') stands between the time line and the first script marker; it was kept as a reporter segment at the start of the story.");
            }
        }

        _unplaced.Clear();
        _segments.Add(draft);
        _context = draft;
    }

    private int NextNonBlank(int from)
    {
        while (from < _lines.Length && _lines[from].Length == 0)
        {
            from++;
        }

        return from;
    }

    private static Language DetectLanguage(string headline, List<ScriptSegment> segments)
    {
        var hangul = 0;
        var latin = 0;
        Count(headline);
        foreach (var segment in segments)
        {
            Count(segment.Text);
        }

        // A Korean syllable block carries about as much as three Latin letters; Korean text quotes Latin names freely.
        return hangul > 0 && hangul * 3 >= latin ? Language.Korean : Language.English;

        void Count(string text)
        {
            foreach (var c in text)
            {
                if (SpeakerWords.IsHangul(c))
                {
                    hangul++;
                }
                else if (char.IsAsciiLetter(c))
                {
                    latin++;
                }
            }
        }
    }

    private static string Excerpt(string line) => line.Length <= 60 ? line : string.Concat(line.AsSpan(0, 57), "...");

    private sealed class SegmentDraft(SegmentKind kind, string? speaker, string? title, string? when)
    {
        public SegmentKind Kind { get; } = kind;
        public string? Speaker { get; } = speaker;
        public string? Title { get; } = title;
        public string? When { get; } = when;
        public List<string> Paragraphs { get; } = new(4);

        public ScriptSegment Build() =>
            new(Kind, Paragraphs.Count == 1 ? Paragraphs[0] : string.Join("\n\n", Paragraphs), Speaker, Title, When);
    }
}
