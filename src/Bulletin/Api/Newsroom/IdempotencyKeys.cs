using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Bulletin.Data;
using Bulletin.Data.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Bulletin.Api.Newsroom;

/// <summary>
/// <c>Idempotency-Key</c> on the staff API's writes: a client that sends the same request again with the same key
/// (after a dropped connection or a timeout) gets the first answer back, marked <c>Idempotent-Replayed: true</c>,
/// and nothing is done twice. The same key with another request is refused with 422; a key whose first request is
/// still running gets 409. An answer of 500 or more keeps nothing (nothing was saved), so a retry runs afresh.
/// Keys are kept for <see cref="Kept"/> per account.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 200;

    /// <summary>How long a key is remembered; the retention pass deletes older ones.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    /// <summary>A first request older than this with no answer died with its process; a retry may take its key.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    /// <summary>The largest body kept for a replay; a bigger answer is not remembered (its key then works once more).</summary>
    private const int MaxKeptBody = 1024 * 1024;

    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services) =>
        services.AddHostedService<IdempotencyRetention>();

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) =>
        app.UseWhen(Applies, branch => branch.Use(async (context, next) => await HandleAsync(context, next)));

    private static bool Applies(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/newsroom", StringComparison.OrdinalIgnoreCase)
        && context.Request.Headers.ContainsKey(Header)
        && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method);

    private static async Task HandleAsync(HttpContext context, Func<Task> next)
    {
        var key = context.Request.Headers[Header].ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await ProblemAsync(context, StatusCodes.Status400BadRequest, "The Idempotency-Key is not valid",
                $"An Idempotency-Key is 1 to {MaxKeyLength} visible ASCII characters, such as a UUID.");
            return;
        }

        if (!Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            await next(); // not signed in: the endpoint answers 401 as it would without a key
            return;
        }

        var cancellationToken = context.RequestAborted;
        var fingerprint = await FingerprintAsync(context.Request, cancellationToken);
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var db = context.RequestServices.GetRequiredService<BulletinDbContext>();
        var now = time.GetUtcNow();
        var kept = await db.IdempotentRequests.FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (kept is not null && kept.StartedAt < now - Kept)
        {
            db.IdempotentRequests.Remove(kept); // older than a day: the key is free again
            await db.SaveChangesAsync(cancellationToken);
            kept = null;
        }

        if (kept is { Answered: true })
        {
            if (kept.Fingerprint != fingerprint)
            {
                await ReusedAsync(context);
                return;
            }

            await ReplayAsync(context, kept, cancellationToken);
            return;
        }

        if (kept is not null && kept.StartedAt > now - Abandoned)
        {
            await StillRunningAsync(context);
            return;
        }

        if (kept is null)
        {
            kept = new IdempotentRequest(userId, key, fingerprint, now);
            db.IdempotentRequests.Add(kept);
        }
        else
        {
            kept.Restart(fingerprint, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request took the key between the read and this write.
            await StillRunningAsync(context);
            return;
        }

        await RunAndKeepAsync(context, next, kept, cancellationToken);
    }

    private static async Task RunAndKeepAsync(HttpContext context, Func<Task> next, IdempotentRequest kept, CancellationToken cancellationToken)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var forget = true;
        try
        {
            await next();
            var response = context.Response;
            if (response.StatusCode < 500 && buffer.Length <= MaxKeptBody)
            {
                // The endpoint's own context saved its change already; this records what it answered, even when the
                // client has hung up meanwhile: that client is the one that will retry.
                await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
                db.IdempotentRequests.Attach(kept);
                kept.Answer(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null, buffer.ToArray());
                await db.SaveChangesAsync(CancellationToken.None);
                forget = false;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (forget)
            {
                await ForgetAsync(context, kept);
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, cancellationToken);
    }

    /// <summary>Nothing was kept of the request (it failed, or its answer is too big to replay): its key is free again.</summary>
    private static async Task ForgetAsync(HttpContext context, IdempotentRequest kept)
    {
        try
        {
            await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BulletinDbContext>();
            await db.IdempotentRequests.Where(r => r.UserId == kept.UserId && r.Key == kept.Key && r.Status == null)
                .ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e) when (DatabaseFaults.Classify(e) is not null)
        {
            // The database is away (the reason the request failed, often): the key is taken over after a while.
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentRequest kept, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = kept.Status!.Value;
        response.Headers[ReplayedHeader] = "true";
        if (kept.ContentType is { } type)
        {
            response.ContentType = type;
        }

        if (kept.Location is { } location)
        {
            response.Headers.Location = location;
        }

        if (kept.ETag is { } etag)
        {
            response.Headers.ETag = etag;
        }

        await response.Body.WriteAsync(kept.Body ?? [], cancellationToken);
    }

    private static Task StillRunningAsync(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return ProblemAsync(context, StatusCodes.Status409Conflict, "The first request with this key is still running",
            "Wait for its answer, or send this request again in a moment with the same key.");
    }

    private static Task ReusedAsync(HttpContext context) =>
        ProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for another request",
            "A key names one request: the same method, path and body. Use a new key for a new request.");

    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static Task ProblemAsync(HttpContext context, int status, string title, string detail) =>
        ApiRequests.Problem(status, title, detail).ExecuteAsync(context);
}
