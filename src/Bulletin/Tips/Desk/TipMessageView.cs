using Bulletin.Core.Tips;

namespace Bulletin.Tips.Desk;

public sealed record TipMessageView(TipMessageAuthor Author, string? Staff, string Body, DateOnly SentOn);
