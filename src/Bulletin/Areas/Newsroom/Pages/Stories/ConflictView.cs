using DiffPlex.DiffBuilder.Model;

namespace Bulletin.Areas.Newsroom.Pages.Stories;

/// <summary>What the editor sees when someone else saved first: both texts and how they differ.</summary>
public sealed record ConflictView(int TheirVersion, string TheirAuthor, string Theirs, string Yours, IReadOnlyList<DiffPiece> Diff);
