using Bulletin.Data.Staff;
using Bulletin.Site;

namespace Bulletin.Areas.Newsroom;

/// <summary>What the token table shows, on the owner's page and the admin's alike: the tokens and where a revoke posts.</summary>
public sealed record TokenList(IReadOnlyList<AccessToken> Tokens, string RevokeAction, SiteClock Clock);
