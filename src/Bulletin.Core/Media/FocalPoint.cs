namespace Bulletin.Core.Media;

/// <summary>
/// The point of a picture that a crop keeps in view, as fractions of its upright width and height from the top
/// left (0.5, 0.5 is the middle).
/// </summary>
public sealed record FocalPoint(double X, double Y)
{
    public static readonly FocalPoint Centre = new(0.5, 0.5);

    /// <summary>A point inside the picture, or null for values outside 0..1 (or not numbers).</summary>
    public static FocalPoint? Of(double x, double y) =>
        x is >= 0 and <= 1 && y is >= 0 and <= 1 ? new FocalPoint(x, y) : null;
}
