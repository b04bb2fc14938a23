using System.Net;
using System.Text;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// A plain, server-rendered page listing the staff API's operations, read from the app's own endpoints so it
/// cannot drift from them; the machine-readable document is at <see cref="OpenApiPath"/>.
/// </summary>
public static partial class ApiReference
{
    public const string OpenApiPath = "/api/newsroom/openapi.json";
    public const string Path = "/api/newsroom/docs";

    public static void MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, (EndpointDataSource endpoints) => TypedResults.Content(Render(endpoints), "text/html; charset=utf-8"))
            .ExcludeFromDescription();

    [System.Text.RegularExpressions.GeneratedRegex(@":\w+\}")]
    private static partial System.Text.RegularExpressions.Regex Constraint();

    private static string Render(EndpointDataSource endpoints)
    {
        var rows = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/newsroom/stories", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, e.RoutePattern.RawText!)))
            .OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bulletin staff API</title>")
            .Append("<link rel=\"stylesheet\" href=\"/site-v1.css\"></head><body><main class=\"wrap\"><h1>Bulletin staff API</h1>")
            .Append("<p>Every call needs <code>Authorization: Bearer &lt;token&gt;</code> (<code>bulletin users token --email ...</code>). ")
            .Append("Errors are RFC 9457 problem details. Saves need <code>If-Match</code> with the story's ETag. ")
            .Append("OpenAPI: <a href=\"").Append(OpenApiPath).Append("\">").Append(OpenApiPath).Append("</a></p>")
            .Append("<table><thead><tr><th>method</th><th>path</th></tr></thead><tbody>");
        foreach (var (method, path) in rows)
        {
            html.Append("<tr><td><code>").Append(method).Append("</code></td><td><code>")
                .Append(WebUtility.HtmlEncode(Constraint().Replace(path, "}"))).Append("</code></td></tr>");
        }

        html.Append("</tbody></table><p>Actions: submit, approve, schedule (<code>{\"at\": \"2024-10-16T09:00:00+09:00\"}</code>), ")
            .Append("publish, correct (<code>{\"note\": \"...\"}</code>), unpublish, kill.</p></main></body></html>");
        return html.ToString();
    }
}
