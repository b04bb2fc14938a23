using System.Text.RegularExpressions;

namespace Bulletin.Media.Storage;

/// <summary>
/// The one rule for a storage key, the same on disk and on S3: lower-case letters, digits, '.', '_', '-' and '/'
/// between parts, at most 200 characters, no empty part and no "." or ".." part. A key that breaks it is a bug in
/// Bulletin, not a user's mistake, so it throws.
/// </summary>
public static partial class MediaKeys
{
    public const int MaxLength = 200;

    public static string Check(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length > MaxLength || !Shape().IsMatch(key) || key.Split('/').Any(part => part is "." or ".."))
        {
            throw new ArgumentException($"'{key}' is not a media storage key.", nameof(key));
        }

        return key;
    }

    [GeneratedRegex("^[a-z0-9._-]+(/[a-z0-9._-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
