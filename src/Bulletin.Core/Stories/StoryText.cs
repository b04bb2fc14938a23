using Bulletin.Core.Text;

namespace Bulletin.Core.Stories;

/// <summary>
/// A story's content as it is kept: every field through <see cref="InputText"/> (one-line fields as one line), blank
/// names and tags dropped, tags once each. Applied to every content a story takes, from the editor, the API, an
/// import or a wire, so no path can store what another would refuse, and a re-import compares like with like.
/// </summary>
public static class StoryText
{
    public static StoryContent Normalise(StoryContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content with
        {
            Headline = InputText.CleanLine(content.Headline),
            Subheadlines = Lines(content.Subheadlines),
            Bylines = Lines(content.Bylines),
            Tags = [.. Lines(content.Tags).Distinct(StringComparer.Ordinal)],
            Segments = [.. content.Segments.Select(s => s with
            {
                Text = InputText.Clean(s.Text),
                Speaker = Line(s.Speaker),
                Title = Line(s.Title),
                When = Line(s.When),
            })],
            SignOff = Line(content.SignOff),
            Programme = content.Programme is { } programme
                ? new Programme(Line(programme.Host), Lines(programme.Guests))
                : null,
        };
    }

    private static string? Line(string? text) => InputText.CleanLineOrNull(text) is { Length: > 0 } line ? line : null;

    private static List<string> Lines(IEnumerable<string> texts) =>
        [.. texts.Select(InputText.CleanLine).Where(t => t.Length > 0)];
}
