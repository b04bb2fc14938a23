using System.Diagnostics.CodeAnalysis;
using Bulletin.Core.Stories;
using Bulletin.Core.Text;

namespace Bulletin.Areas.Newsroom;

/// <summary>
/// The newsroom's own language, Korean or English, chosen per person (?ui=en or ?ui=ko, remembered in a cookie).
/// Its words are phrases in the newsroom's catalogues (NewsroomText, DeskText, EditorText, TipDeskText, AdminText).
/// </summary>
public sealed class NewsroomUi(IHttpContextAccessor accessor)
{
    private const string CookieName = "bulletin.ui";
    private bool? _english;

    public bool English => _english ??= Decide();

    public string Lang => English ? "en" : "ko";

    public Language Language => English ? Language.English : Language.Korean;

    /// <summary>A phrase in this person's language; no phrase (a result without a reason), no text.</summary>
    [return: NotNullIfNotNull(nameof(phrase))]
    public string? T(Phrase? phrase) => phrase?[Language];

    public string T(Phrase phrase, params object?[] arguments) => phrase.Format(Language, arguments);

    private bool Decide()
    {
        var context = accessor.HttpContext;
        if (context is null)
        {
            return false;
        }

        var asked = context.Request.Query["ui"].ToString();
        if (asked is "en" or "ko")
        {
            context.Response.Cookies.Append(CookieName, asked, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            return asked == "en";
        }

        return context.Request.Cookies[CookieName] == "en";
    }
}
