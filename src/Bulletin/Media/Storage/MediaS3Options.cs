namespace Bulletin.Media.Storage;

/// <summary>
/// Where the media library lives when Media:Store is S3: a bucket on S3-compatible object storage that every node
/// of a fleet reads and writes. Addressed path-style (http://host/bucket/key) by default, which S3-compatible
/// servers all understand, where virtual-host style needs a DNS name per bucket.
/// </summary>
public sealed class MediaS3Options
{
    public const string SectionName = "Media:S3";

    /// <summary>The bucket; it must exist (Bulletin does not create it, so a typo is an error, not a new bucket).</summary>
    public string Bucket { get; set; } = "";

    /// <summary>The server's address (https://s3.example:9000); empty for Amazon S3 itself, found from the region.</summary>
    public string ServiceUrl { get; set; } = "";

    /// <summary>Access key and secret key; both empty uses the SDK's own credential chain (environment, instance role).</summary>
    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>The region requests are signed for; S3-compatible servers mostly accept us-east-1.</summary>
    public string Region { get; set; } = "us-east-1";

    public bool ForcePathStyle { get; set; } = true;

    /// <summary>How long one request may take before the store counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a request that failed on the way (a dropped connection, a 503 from the server).</summary>
    public int Retries { get; set; } = 2;
}
