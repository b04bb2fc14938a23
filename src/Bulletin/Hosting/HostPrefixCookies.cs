using System.Collections;
using Microsoft.AspNetCore.Http.Features;

namespace Bulletin.Hosting;

/// <summary>
/// The staff and antiforgery cookies are named with the <c>__Host-</c> prefix, which browsers accept only with Secure,
/// path / and no domain: no subdomain or plain-HTTP page can plant or overwrite them. Over HTTPS (directly, or
/// behind a configured proxy that says so) they go out as named. Over plain HTTP, which is for development on one's own
/// machine and for the tests on 127.0.0.1, a Secure cookie would never come back, so there the same cookies travel
/// without the prefix: this maps the names both ways, and nothing else in the app knows.
/// </summary>
public static class HostPrefixCookies
{
    public const string Prefix = "__Host-";

    public static IApplicationBuilder UseHostPrefixCookies(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (!context.Request.IsHttps)
            {
                context.Features.Set<IRequestCookiesFeature>(new RequestCookiesFeature(new PlainRequestCookies(context.Request.Cookies)));
                // Response.Cookies makes the feature on first use; it is wrapped from then on.
                var cookies = context.Response.Cookies;
                context.Features.Set<IResponseCookiesFeature>(new PlainResponseCookiesFeature(new PlainResponseCookies(cookies)));
            }

            return next(context);
        });

    private static string Plain(string key) => key.StartsWith(Prefix, StringComparison.Ordinal) ? key[Prefix.Length..] : key;

    private sealed class PlainRequestCookies(IRequestCookieCollection inner) : IRequestCookieCollection
    {
        public string? this[string key] => inner[Plain(key)];

        public int Count => inner.Count;

        public ICollection<string> Keys => inner.Keys;

        public bool ContainsKey(string key) => inner.ContainsKey(Plain(key));

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => inner.TryGetValue(Plain(key), out value);

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => inner.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class PlainResponseCookiesFeature(IResponseCookies cookies) : IResponseCookiesFeature
    {
        public IResponseCookies Cookies { get; } = cookies;
    }

    private sealed class PlainResponseCookies(IResponseCookies inner) : IResponseCookies
    {
        public void Append(string key, string value) => inner.Append(Plain(key), value);

        public void Append(string key, string value, CookieOptions options) => inner.Append(Plain(key), value, options);

        public void Append(ReadOnlySpan<KeyValuePair<string, string>> keyValuePairs, CookieOptions options)
        {
            foreach (var (key, value) in keyValuePairs)
            {
                inner.Append(Plain(key), value, options);
            }
        }

        public void Delete(string key) => inner.Delete(Plain(key));

        public void Delete(string key, CookieOptions options) => inner.Delete(Plain(key), options);
    }
}
