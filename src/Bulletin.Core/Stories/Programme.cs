namespace Bulletin.Core.Stories;

/// <summary>The programme a talk or interview story comes from: its host and guests, as the page header names them.</summary>
public sealed record Programme(string? Host, IReadOnlyList<string> Guests)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Host) && Guests.Count == 0;

    public bool Equals(Programme? other) =>
        other is not null && Host == other.Host && Guests.SequenceEqual(other.Guests);

    public override int GetHashCode() => HashCode.Combine(Host, Guests.Count);
}
