using System.Buffers;
using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Bulletin.Media.Storage;

/// <summary>
/// Media files in a bucket on S3-compatible object storage, so that every node of a fleet serves the same files.
/// An object is whole or absent by S3's own rule: a single PUT appears at once, and a large file goes up as a
/// multipart upload that appears only when completed and is aborted when anything fails. The content is read part
/// by part into one pooled buffer, so a large video never sits whole in memory.
/// </summary>
/// <remarks>
/// The SDK's defaults since v4 (a CRC checksum on every request, sent as a trailer of a chunked "aws-chunked"
/// body, and checksum validation of every response) are refused by many S3-compatible servers; the client asks
/// for checksums only where an operation requires them and sends plain signed bodies, which every server takes.
/// </remarks>
public sealed class S3MediaStore : IMediaStore, IDisposable
{
    /// <summary>S3's smallest part is 5 MiB; 8 MiB keeps a 100 MB video to a dozen requests.</summary>
    public const int PartSize = 8 * 1024 * 1024;

    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _where;

    public S3MediaStore(IOptions<MediaS3Options> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _bucket = o.Bucket;
        var config = new AmazonS3Config
        {
            ForcePathStyle = o.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            Timeout = o.Timeout,
            MaxErrorRetry = o.Retries,
        };
        if (string.IsNullOrEmpty(o.ServiceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(o.Region);
        }
        else
        {
            config.ServiceURL = o.ServiceUrl;
            config.AuthenticationRegion = o.Region;
        }

        _where = $"bucket '{o.Bucket}' at {(string.IsNullOrEmpty(o.ServiceUrl) ? "Amazon S3 " + o.Region : o.ServiceUrl)}";
        _client = string.IsNullOrEmpty(o.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), config);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        MediaKeys.Check(key);
        ArgumentNullException.ThrowIfNull(content);
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var length = await FillAsync(content, buffer, cancellationToken);
            if (length < PartSize)
            {
                await Call(() => _client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    InputStream = new MemoryStream(buffer, 0, length, writable: false),
                    AutoCloseStream = false,
                    UseChunkEncoding = false,
                }, cancellationToken), key);
                return;
            }

            await PutInPartsAsync(key, content, buffer, length, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<MediaObject?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        MediaKeys.Check(key);
        try
        {
            var response = await Call(() => _client.GetObjectAsync(_bucket, key, cancellationToken), key);
            return new MediaObject(response.ResponseStream, response.ContentLength);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        MediaKeys.Check(key);
        await Call(() => _client.DeleteObjectAsync(_bucket, key, cancellationToken), key);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>The first part is already in the buffer; each next one is read once the one before is stored.</summary>
    private async Task PutInPartsAsync(string key, Stream content, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var upload = await Call(() => _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket, Key = key }, cancellationToken), key);
        try
        {
            var parts = new List<PartETag>();
            while (length > 0)
            {
                var number = parts.Count + 1;
                var part = await Call(() => _client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = _bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = number,
                    PartSize = length,
                    InputStream = new MemoryStream(buffer, 0, length, writable: false),
                    UseChunkEncoding = false,
                }, cancellationToken), key);
                parts.Add(new PartETag(number, part.ETag));
                length = await FillAsync(content, buffer, cancellationToken);
            }

            await Call(() => _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken), key);
        }
        catch
        {
            // Nothing appears under the key; the parts stored so far are let go (a lifecycle rule that aborts
            // incomplete uploads catches the ones a crash leaves).
            try
            {
                await _client.AbortMultipartUploadAsync(_bucket, key, upload.UploadId, CancellationToken.None);
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
            {
                // The store is what failed; the upload expires with the bucket's lifecycle rule.
            }

            throw;
        }
    }

    /// <summary>Reads until the buffer is full or the content ends; a short count means the end.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < PartSize)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, PartSize - filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>One request to the store, with what makes the store unusable turned into one clear exception.</summary>
    private async Task<T> Call<T>(Func<Task<T>> request, string key)
    {
        try
        {
            return await request();
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            throw;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            throw new MediaStoreUnavailableException($"The media store's {_where} does not exist (Media:S3:Bucket); create it, or name the right one.", e);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            throw new MediaStoreUnavailableException($"The media store's {_where} refused the configured keys ({e.ErrorCode}) for '{key}'.", e);
        }
        catch (AmazonServiceException e)
        {
            throw new MediaStoreUnavailableException($"The media store's {_where} could not take '{key}': {Cause(e)}.", e);
        }
        catch (Exception e) when (e is HttpRequestException or AmazonClientException
                                      || (e is TaskCanceledException && e.InnerException is TimeoutException))
        {
            throw new MediaStoreUnavailableException($"The media store's {_where} could not be reached for '{key}': {Cause(e)}.", e);
        }
    }

    private static string Cause(Exception e) => e is AmazonServiceException { StatusCode: not 0 } s
        ? $"{(int)s.StatusCode} {s.ErrorCode} {s.Message}".TrimEnd()
        : e.GetBaseException().Message;
}
