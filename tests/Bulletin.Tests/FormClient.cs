using System.Net;
using AngleSharp.Html.Parser;

namespace Bulletin.Tests;

/// <summary>A cookie-keeping client that posts forms with their antiforgery token, like a browser without script.</summary>
internal sealed class FormClient : IDisposable
{
    private readonly HttpClient _client;

    public FormClient(BulletinServer server)
        : this(server, new CookieContainer())
    {
    }

    private FormClient(BulletinServer server, CookieContainer cookies)
    {
        Cookies = cookies;
        _client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = server.Address };
    }

    /// <summary>What this client's browser would hold: a test copies them to replay a session elsewhere.</summary>
    public CookieContainer Cookies { get; }

    public HttpStatusCode LastStatus { get; private set; }

    /// <summary>The headers of the last GET's answer.</summary>
    public System.Net.Http.Headers.HttpResponseHeaders? LastHeaders { get; private set; }

    public async Task<string> PostAsync(string formPage, string target, Dictionary<string, string> fields)
    {
        var form = await _client.GetStringAsync(new Uri(formPage, UriKind.Relative), TestContext.Current.CancellationToken);
        fields["__RequestVerificationToken"] = new HtmlParser().ParseDocument(form)
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await _client.PostAsync(target, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        LastStatus = response.StatusCode;
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public async Task<string> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        LastStatus = response.StatusCode;
        LastHeaders = response.Headers;
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => _client.Dispose();
}
