using System.Globalization;
using System.Text;

namespace Bulletin.Core.Stories;

/// <summary>URL slugs made from headlines. Hangul is kept as it is: Korean readers share Korean URLs.</summary>
public static class Slugs
{
    public const int MaxLength = 60;

    public static string FromHeadline(string headline)
    {
        var builder = new StringBuilder(headline.Length);
        var pendingDash = false;
        foreach (var rune in headline.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                pendingDash = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
                if (builder.Length >= MaxLength)
                {
                    break;
                }
            }
            else
            {
                pendingDash = true;
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "story" : slug;
    }

    /// <summary>A slug with the story's date in front, so that one headline used twice on two days stays apart.</summary>
    public static string ForStory(string headline, DateTimeOffset date) =>
        date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + FromHeadline(headline);
}
