namespace Bulletin.Tips.Channels.Web;

/// <summary>The public tip routes. Everything under them gets the privacy headers and no request logging.</summary>
public static class TipRoutes
{
    public const string Form = "/tips";
    public const string EnglishForm = "/en/tips";
    public const string Receipt = "/tips/receipt";
    public const string EnglishReceipt = "/en/tips/receipt";
    public const string Kakao = "/tips/kakao";

    /// <summary>The staff side: the desk pages and the staff API. They get the same headers (inline styles allowed on the pages).</summary>
    public const string DeskPages = "/newsroom/tips";
    public const string DeskApi = "/api/newsroom/tips";

    public static bool IsTipPath(PathString path) =>
        path.StartsWithSegments(Form, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(EnglishForm, StringComparison.OrdinalIgnoreCase);

    public static bool IsDeskPath(PathString path) =>
        path.StartsWithSegments(DeskPages, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(DeskApi, StringComparison.OrdinalIgnoreCase);
}
