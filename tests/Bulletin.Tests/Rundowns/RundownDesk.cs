using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bulletin.Ingest.BroadcastPages;
using Bulletin.Publishing;
using Bulletin.Site;
using Bulletin.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Bulletin.Tests.NewsroomApi;

namespace Bulletin.Tests.Rundowns;

/// <summary>
/// The stories and calls the rundown tests share, made through the staff API as a newsroom would. The sample is the
/// channel's English page of 2024-10-16; the Korean story is written here with syllables counted for its timing.
/// </summary>
internal static class RundownDesk
{
    public const string SamplePage = "pages/ytn-en-2024-10-16-russia-north-korea.txt";

    /// <summary>70 syllables: 12 s at 350 a minute.</summary>
    public const string KoreanAnchor =
        "북한이 러시아에 대규모 병력을 보냈다는 정황들이 잇따라 나오고 있습니다. 우크라이나 정보당국은 북한군 삼천 명이 러시아 극동 지역에서 훈련을 받고 있다고 밝혔습니다.";

    /// <summary>35 syllables: 6 s.</summary>
    public const string KoreanReporter = "정부는 오늘 오전 긴급 국가안보회의를 열고 대응 방안들을 집중적으로 논의했습니다.";

    /// <summary>35 syllables more: the edit adds 6 s.</summary>
    public const string KoreanEdit = "국방부는 오늘 오후 추가 파병 계획에 대한 정밀 분석 결과들을 공식 발표할 예정입니다.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The Korean story: 12 s of anchor, a 20 s soundbite (media), the reporter's line (6 s, or 12 s once edited).</summary>
    public static JsonObject TroopsStory(bool edited = false) => new()
    {
        ["headline"] = "북한군 러시아 파병 정황",
        ["language"] = "ko",
        ["segments"] = new JsonArray(
            new JsonObject { ["kind"] = "anchor", ["text"] = KoreanAnchor },
            new JsonObject
            {
                ["kind"] = "soundbite", ["speaker"] = "김철수", ["title"] = "국방부 대변인", ["text"] = "러시아와의 협력은 주권 국가의 정당한 권리입니다.",
                ["duration"] = 20,
            },
            new JsonObject { ["kind"] = "reporter", ["text"] = edited ? KoreanReporter + "\n\n" + KoreanEdit : KoreanReporter }),
    };

    /// <summary>The sample page as the importer reads it, sent to the story API as a new story.</summary>
    public static JsonObject SampleStory(BulletinServer server)
    {
        var content = BroadcastPageReader.Read(File.ReadAllText(Samples.Require(SamplePage))).Story!;
        var json = StoryJson.From(content, server.Services.GetRequiredService<SiteClock>());
        return JsonNode.Parse(JsonSerializer.Serialize(json))!.AsObject();
    }

    public static async Task<Guid> CreateRundownAsync(HttpClient api, string start, string hardOut)
    {
        var response = await api.PostAsJsonAsync("/api/newsroom/rundowns",
            new { show = "YTN 24 저녁", language = "ko", start, hardOut }, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var body = await ReadAsync(response);
        Assert.Equal($"/api/newsroom/rundowns/{body["id"]}", response.Headers.Location?.OriginalString);
        return body["id"]!.GetValue<Guid>();
    }

    public static async Task<Guid> AddAsync(HttpClient api, Guid rundown, object line)
    {
        var response = await api.PostAsJsonAsync($"/api/newsroom/rundowns/{rundown}/items", line, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await ReadAsync(response))["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> RundownAsync(HttpClient api, Guid rundown)
    {
        var response = await api.GetAsync(new Uri($"/api/newsroom/rundowns/{rundown}", UriKind.Relative), Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        var body = await ReadAsync(response);
        Assert.Equal($"\"{body["version"]}\"", response.Headers.ETag?.Tag);
        return body;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient api, string path, object? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return await api.SendAsync(request, Cancel);
    }

    /// <summary>Each line as (slug, duration, textTime, mediaTime, frontTime, backTime), in running order.</summary>
    public static List<(string Slug, int Duration, int Text, int Media, string? Front, string? Back)> Lines(JsonObject rundown) =>
        [.. rundown["items"]!.AsArray().Select(i => (
            i!["slug"]!.GetValue<string>(), i["duration"]!.GetValue<int>(), i["textTime"]!.GetValue<int>(), i["mediaTime"]!.GetValue<int>(),
            i["frontTime"]?.GetValue<string>(), i["backTime"]?.GetValue<string>()))];
}
