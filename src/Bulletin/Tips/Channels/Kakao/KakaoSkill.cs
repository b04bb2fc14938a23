using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Bulletin.Core.Tips;
using Bulletin.Tips.Channels.Web;
using Bulletin.Tips.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// The KakaoTalk channel: a Kakao i Open Builder skill. Each call carries what the user typed (and picture URLs);
/// Bulletin keeps a draft until the user says "보내기" (send), then stores the tip and answers with its receipt.
/// Every answer is a v2.0 skill response; Kakao waits 5 s, so picture fetches get a budget under that.
/// The Kakao user key is kept only as a keyed hash.
/// </summary>
public static partial class KakaoSkill
{
    public const string SecretHeader = "X-Skill-Secret";
    private const int MaxBody = 64 * 1024;
    private static readonly string[] SendWords = ["보내기", "제보하기", "확인", "send", "confirm"];
    private static readonly string[] CancelWords = ["취소", "cancel"];

    public static async Task<IResult> HandleAsync(HttpContext context, IOptions<TipsOptions> options, TipKeys keys, IKakaoDrafts drafts,
        KakaoSends sends, KakaoImageFetcher fetcher, TipIntake intake, TimeProvider clock)
    {
        var cancellationToken = context.RequestAborted;
        // Kakao reads status codes and JSON, not the site's error pages.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        var secret = options.Value.Kakao.Secret;
        if (string.IsNullOrEmpty(secret) || !SameSecret(context.Request.Headers[SecretHeader].ToString(), secret))
        {
            return TypedResults.Unauthorized();
        }

        var body = await ReadBodyAsync(context.Request.Body, cancellationToken);
        if (body is null)
        {
            return BadRequest(KakaoText.Both(KakaoText.TooLong));
        }

        string? userKey;
        string utterance;
        List<Uri> pictures;
        try
        {
            var bytes = body.AsSpan();
            if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                bytes = bytes[3..];
            }

            var root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject;
            var user = root?["userRequest"]?["user"];
            userKey = Text(user?["id"]) ?? Text(user?["properties"]?["plusfriendUserKey"]) ?? Text(user?["properties"]?["botUserKey"]);
            utterance = Text(root?["userRequest"]?["utterance"])?.Trim() ?? "";
            pictures = PictureUrls(root?["action"]?["params"] as JsonObject);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return BadRequest(KakaoText.Both(KakaoText.Unprocessable));
        }

        if (string.IsNullOrEmpty(userKey) || (utterance.Length == 0 && pictures.Count == 0))
        {
            return BadRequest(KakaoText.Both(KakaoText.Unprocessable));
        }

        if (utterance.Length > options.Value.MaxTextLength)
        {
            return BadRequest(KakaoText.Both(KakaoText.TooLong));
        }

        var sender = keys.Pseudonym("kakao-draft", userKey);
        await using var turn = await drafts.BeginTurnAsync(sender, cancellationToken);
        if (turn is null)
        {
            return Answer(KakaoText.Busy[KakaoText.Speaks]);
        }

        var draft = turn.Draft;
        if (CancelWords.Contains(utterance, StringComparer.OrdinalIgnoreCase))
        {
            await turn.ForgetAsync();
            return Answer(KakaoText.Cancelled[KakaoText.Speaks]);
        }

        if (SendWords.Contains(utterance, StringComparer.OrdinalIgnoreCase))
        {
            if (draft.Lines.Count == 0 && draft.Pictures.Count == 0)
            {
                return Answer(KakaoText.NothingToSend[KakaoText.Speaks]);
            }

            if (!sends.MaySend(sender))
            {
                var minutes = (int)Math.Ceiling(options.Value.RateWindow.TotalMinutes);
                return Answer(KakaoText.TooManyTips.Format(KakaoText.Speaks, minutes), withChoices: true);
            }

            await using var upload = intake.Begin();
            foreach (var picture in draft.Pictures)
            {
                using var stream = new MemoryStream(picture, writable: false);
                await upload.AddFileAsync(stream, "kakao-photo", cancellationToken);
            }

            var receipt = await intake.CompleteAsync(upload, new TipSubmission(TipChannel.Kakao, string.Join("\n", draft.Lines))
            {
                SenderId = userKey,
            }, cancellationToken);
            await turn.ForgetAsync();
            return Answer(KakaoText.Received.Format(KakaoText.Speaks, receipt.Phrase, TipRoutes.Receipt));
        }

        if (utterance.Length > 0)
        {
            if (draft.Length + utterance.Length > options.Value.MaxTextLength)
            {
                return Answer(KakaoText.DraftFull[KakaoText.Speaks], withChoices: true);
            }

            draft.Lines.Add(utterance);
        }

        var fetched = 0;
        using (var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            budget.CancelAfter(options.Value.Kakao.FetchBudget);
            foreach (var url in pictures.Take(Math.Max(0, options.Value.MaxFiles - draft.Pictures.Count)))
            {
                try
                {
                    if (await fetcher.FetchAsync(url, budget.Token) is { } picture)
                    {
                        draft.Pictures.Add(picture);
                        fetched++;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        await turn.SaveAsync();
        var note = pictures.Count == 0 ? "" : fetched == pictures.Count
            ? KakaoText.PhotosReceived.Format(KakaoText.Speaks, fetched)
            : KakaoText.SomePhotosReceived.Format(KakaoText.Speaks, pictures.Count, fetched);
        return Answer(note + KakaoText.WriteMoreOrSend[KakaoText.Speaks], withChoices: true);
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Picture URLs in the action's parameters: plain URL values, and the "secureimage" plugin's list.</summary>
    private static List<Uri> PictureUrls(JsonObject? parameters)
    {
        var urls = new List<Uri>();
        if (parameters is null)
        {
            return urls;
        }

        foreach (var (_, node) in parameters)
        {
            var value = Text(node);
            if (value is null)
            {
                continue;
            }

            if (value.TrimStart().StartsWith('{'))
            {
                var inner = JsonNode.Parse(value, documentOptions: new JsonDocumentOptions { MaxDepth = 8 });
                value = Text(inner?["secureUrls"]) ?? "";
            }

            foreach (Match match in Urls().Matches(value))
            {
                if (Uri.TryCreate(match.Value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                {
                    urls.Add(url);
                }
            }
        }

        return urls;
    }

    private static JsonHttpResult<JsonObject> Answer(string text, bool withChoices = false, int status = 200)
    {
        var template = new JsonObject
        {
            ["outputs"] = new JsonArray(new JsonObject { ["simpleText"] = new JsonObject { ["text"] = text } }),
        };
        if (withChoices)
        {
            template["quickReplies"] = new JsonArray(
                new JsonObject { ["label"] = KakaoText.Send[KakaoText.Speaks], ["action"] = "message", ["messageText"] = KakaoText.Send[KakaoText.Speaks] },
                new JsonObject { ["label"] = KakaoText.Cancel[KakaoText.Speaks], ["action"] = "message", ["messageText"] = KakaoText.Cancel[KakaoText.Speaks] });
        }

        return TypedResults.Json(new JsonObject { ["version"] = "2.0", ["template"] = template }, statusCode: status);
    }

    private static JsonHttpResult<JsonObject> BadRequest(string text) => Answer(text, status: StatusCodes.Status400BadRequest);

    [GeneratedRegex(@"https?://[^\s,)""]+", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Urls();
}
