using System.Text.Json.Serialization;

namespace Bulletin.Api.Newsroom;

/// <summary>Fractions of the upright picture's width and height from its top left.</summary>
public sealed record MediaFocalPointJson([property: JsonPropertyName("x")] double X, [property: JsonPropertyName("y")] double Y);
