using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Bulletin.Media.Storage;

namespace Bulletin.Tests.Media;

/// <summary>
/// The real S3-compatible server test.sh starts (npm s3rver on 127.0.0.1, named in BULLETIN_TEST_S3), with a fresh
/// bucket per test made through the AWS SDK itself, and emptied and removed afterwards. Without the server the test
/// is skipped, except under CI, where test.sh always starts it and a skip would hide a test that did not run.
/// </summary>
internal sealed class S3TestServer : IAsyncDisposable
{
    public const string Variable = "BULLETIN_TEST_S3";

    private readonly AmazonS3Client _admin;

    private S3TestServer(string serviceUrl, string accessKey, string secretKey, string bucket, AmazonS3Client admin)
    {
        ServiceUrl = serviceUrl;
        AccessKey = accessKey;
        SecretKey = secretKey;
        Bucket = bucket;
        _admin = admin;
    }

    public string ServiceUrl { get; }
    public string AccessKey { get; }
    public string SecretKey { get; }
    public string Bucket { get; }

    public static async Task<S3TestServer> StartAsync()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
        {
            const string why = $"no S3-compatible server ({Variable} is not set; test.sh starts s3rver and sets it)";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"Under CI the S3 media store must be tested, but {why}.");
            }

            Assert.Skip($"Skipped: {why}.");
        }

        var accessKey = Environment.GetEnvironmentVariable("BULLETIN_TEST_S3_ACCESS_KEY") ?? "S3RVER";
        var secretKey = Environment.GetEnvironmentVariable("BULLETIN_TEST_S3_SECRET_KEY") ?? "S3RVER";
        var admin = new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
        {
            ServiceURL = url,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        var bucket = $"bulletin-test-{Guid.CreateVersion7():N}"[..40];
        await admin.PutBucketAsync(bucket, TestContext.Current.CancellationToken);
        return new S3TestServer(url, accessKey, secretKey, bucket, admin);
    }

    public MediaS3Options Options(string? bucket = null, string? serviceUrl = null) => new()
    {
        Bucket = bucket ?? Bucket,
        ServiceUrl = serviceUrl ?? ServiceUrl,
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        Region = "us-east-1",
    };

    /// <summary>A store on this server, as one node of a fleet would make it from its settings.</summary>
    public S3MediaStore Store(string? bucket = null, string? serviceUrl = null) => new(Microsoft.Extensions.Options.Options.Create(Options(bucket, serviceUrl)));

    /// <summary>Every key in the bucket, read from the server, not through the store under test.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync()
    {
        var listed = await _admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }, TestContext.Current.CancellationToken);
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var key in await KeysAsync())
            {
                await _admin.DeleteObjectAsync(Bucket, key);
            }

            await _admin.DeleteBucketAsync(Bucket);
        }
        catch (AmazonServiceException)
        {
            // A bucket left behind lives in test.sh's throwaway folder, removed with it.
        }

        _admin.Dispose();
    }
}
