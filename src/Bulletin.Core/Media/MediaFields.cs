namespace Bulletin.Core.Media;

/// <summary>What the desk writes about an item: shown beside it on every page, feed and wire copy that uses it.</summary>
public sealed record MediaFields(string Caption, string Credit, string AltText, string Rights, string Source)
{
    public const int MaxCaption = 2000;
    public const int MaxShort = 500;
    public const int MaxAltText = 1000;

    /// <summary>The fields trimmed, or the reason they cannot be kept.</summary>
    public static (MediaFields? Fields, string? Refusal) Check(string? caption, string? credit, string? alt, string? rights, string? source)
    {
        var fields = new MediaFields(Clean(caption), Clean(credit), Clean(alt), Clean(rights), Clean(source));
        if (fields.Caption.Length > MaxCaption)
        {
            return (null, $"A caption is at most {MaxCaption} characters.");
        }

        if (fields.AltText.Length > MaxAltText)
        {
            return (null, $"Alt text is at most {MaxAltText} characters.");
        }

        if (fields.Credit.Length > MaxShort || fields.Rights.Length > MaxShort || fields.Source.Length > MaxShort)
        {
            return (null, $"Credit, rights and source are at most {MaxShort} characters each.");
        }

        return (fields, null);
    }

    private static string Clean(string? text) => (text ?? "").Trim();
}
