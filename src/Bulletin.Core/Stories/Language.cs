namespace Bulletin.Core.Stories;

/// <summary>The two languages a story is written in; each has its own edition of the site.</summary>
public enum Language
{
    Korean,
    English,
}
