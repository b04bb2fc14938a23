namespace Bulletin.Core.Workflow;

/// <summary>
/// The lower-case codes of an enum's values as URLs, JSON, audit lines and CSS classes write them, and back.
/// Each enum keeps one instance beside it (<see cref="StoryActions"/>, <c>TipStatuses</c>...), so a code is spelt
/// in one place and an unknown one is refused rather than guessed.
/// </summary>
public sealed class EnumCodes<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _codes;
    private readonly Dictionary<string, T> _values;

    /// <param name="code">The code of a value where it is not simply the value's name in lower case.</param>
    public EnumCodes(Func<T, string?>? code = null)
    {
        _codes = Enum.GetValues<T>().ToDictionary(v => v, v => code?.Invoke(v) ?? v.ToString().ToLowerInvariant());
        _values = _codes.ToDictionary(c => c.Value, c => c.Key, StringComparer.OrdinalIgnoreCase);
        All = [.. _codes.Values];
    }

    /// <summary>Every code, in the enum's order.</summary>
    public IReadOnlyList<string> All { get; }

    public string Of(T value) =>
        _codes.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    /// <summary>Reads a code in any case; numbers and names that are not codes are refused.</summary>
    public bool TryParse(string? code, out T value)
    {
        value = default;
        return code is not null && _values.TryGetValue(code.Trim(), out value);
    }
}
