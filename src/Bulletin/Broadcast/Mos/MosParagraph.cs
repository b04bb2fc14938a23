namespace Bulletin.Broadcast.Mos;

/// <summary>
/// A paragraph of a story body. Read lines are what the presenter says; an instruction is a cue set apart
/// (<c>&lt;pi&gt;</c>: a soundbite's speaker, a package in); package text is what a recording says
/// (<c>&lt;pkg&gt;</c>), shown but not read.
/// </summary>
public sealed record MosParagraph(string Text, MosParagraphKind Kind = MosParagraphKind.Read);
