namespace Bulletin.Data.Idempotency;

/// <summary>
/// A staff API write sent with an <c>Idempotency-Key</c>, kept for a day so that a client which lost the answer (a
/// dropped connection, a timeout) can send the same request again and get the first answer back instead of a
/// second change. The key is the client's, per account; the fingerprint tells a true retry from a reused key.
/// </summary>
public sealed class IdempotentRequest
{
    private IdempotentRequest()
    {
        Key = "";
        Fingerprint = "";
    }

    public IdempotentRequest(Guid userId, string key, string fingerprint, DateTimeOffset startedAt)
    {
        UserId = userId;
        Key = key;
        Fingerprint = fingerprint;
        StartedAt = startedAt.ToUniversalTime();
    }

    public Guid UserId { get; private set; }
    public string Key { get; private set; }

    /// <summary>SHA-256 of the method, path and body of the first request with this key.</summary>
    public string Fingerprint { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The answer's status; null while the first request is still being handled (or died on the way).</summary>
    public int? Status { get; private set; }

    public string? ContentType { get; private set; }
    public string? Location { get; private set; }
    public string? ETag { get; private set; }
    public byte[]? Body { get; private set; }

    public bool Answered => Status is not null;

    /// <summary>A first request that never finished (its process died): a later retry may take the key over.</summary>
    public void Restart(string fingerprint, DateTimeOffset startedAt)
    {
        Fingerprint = fingerprint;
        StartedAt = startedAt.ToUniversalTime();
    }

    public void Answer(int status, string? contentType, string? location, string? etag, byte[] body)
    {
        Status = status;
        ContentType = contentType;
        Location = location;
        ETag = etag;
        Body = body;
    }
}
