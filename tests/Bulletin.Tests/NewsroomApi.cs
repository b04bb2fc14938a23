using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bulletin.Tests;

/// <summary>Small helpers for calling the staff API the way a client would.</summary>
internal static class NewsroomApi
{
    public static JsonObject KoreanStory(string headline = "폭설로 출근길 혼잡…\"평소보다 두 배 걸려\"", string anchorText = "밤사이 내린 폭설로 출근길 혼잡이 이어졌습니다.") => new()
    {
        ["headline"] = headline,
        ["language"] = "ko",
        ["byline"] = new JsonArray("김하늘"),
        ["tags"] = new JsonArray("폭설"),
        ["segments"] = new JsonArray(
            new JsonObject { ["kind"] = "anchor", ["text"] = anchorText },
            new JsonObject { ["kind"] = "soundbite", ["speaker"] = "이서준", ["title"] = "직장인", ["when"] = "오늘 아침", ["text"] = "평소보다 두 배는 걸린 것 같아요." }),
    };

    public static async Task<(Guid Id, int Version)> CreateAsync(HttpClient client, JsonObject? story = null)
    {
        var response = await client.PostAsJsonAsync("/api/newsroom/stories", story ?? KoreanStory(), TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var body = await ReadAsync(response);
        return (body["id"]!.GetValue<Guid>(), body["version"]!.GetValue<int>());
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid id, string action, object? body = null) =>
        body is null
            ? client.PostAsync($"/api/newsroom/stories/{id}/{action}", null, TestContext.Current.CancellationToken)
            : client.PostAsJsonAsync($"/api/newsroom/stories/{id}/{action}", body, TestContext.Current.CancellationToken);

    public static async Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, JsonObject story, int? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/newsroom/stories/{id}") { Content = JsonContent.Create(story) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonObject> GetAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync(new Uri($"/api/newsroom/stories/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

    public static string JsonText(JsonNode node) =>
        node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
