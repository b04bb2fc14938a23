using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Bulletin.Hosting;
using Bulletin.Media.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bulletin.Tests.Media;

/// <summary>
/// What every media store promises, run against each kind there is: files under the data directory, and a bucket
/// on a real S3-compatible server (s3rver, started by test.sh). Whole objects or none, read back byte for byte,
/// keys of one shape; and for S3, what a fleet of nodes relies on.
/// </summary>
[Collection(nameof(MediaStoresAlone))]
public sealed class MediaStoreTests : IAsyncDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bulletin-media-");
    private S3TestServer? _s3;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Kinds => ["File", "S3"];

    public async ValueTask DisposeAsync()
    {
        if (_s3 is not null)
        {
            await _s3.DisposeAsync();
        }

        _folder.Delete(recursive: true);
    }

    private async Task<IMediaStore> StoreAsync(string kind)
    {
        if (kind == "File")
        {
            return new FileMediaStore(new DataDirectory(_folder.FullName));
        }

        _s3 = await S3TestServer.StartAsync();
        return _s3.Store();
    }

    /// <summary>What is left in the store's own place, looked at from outside the store.</summary>
    private async Task<IReadOnlyList<string>> LeftAsync(IMediaStore store) => store switch
    {
        FileMediaStore files when !Directory.Exists(files.Root) => [],
        FileMediaStore files => [.. Directory.EnumerateFiles(files.Root, "*", SearchOption.AllDirectories)],
        _ => await _s3!.KeysAsync(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AnObjectPut_IsReadBackWhole_AndGoneOnceDeleted(string kind)
    {
        var store = await StoreAsync(kind);
        var bytes = new byte[300_000];
        Random.Shared.NextBytes(bytes);
        await store.PutAsync("items/0193/w1280.webp", new MemoryStream(bytes), Cancel);

        var stored = await store.OpenAsync("items/0193/w1280.webp", Cancel);
        Assert.NotNull(stored);
        await using (stored.Content)
        {
            Assert.Equal(bytes.Length, stored.Length);
            var back = new MemoryStream();
            await stored.Content.CopyToAsync(back, Cancel);
            Assert.Equal(bytes, back.ToArray());
        }

        await store.DeleteAsync("items/0193/w1280.webp", Cancel);
        Assert.Null(await store.OpenAsync("items/0193/w1280.webp", Cancel));
        // Deleting what is not there is not an error.
        await store.DeleteAsync("items/0193/w1280.webp", Cancel);
        Assert.Empty(await LeftAsync(store));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task AnEmptyFile_IsStoredAsEmpty_AndAMissingKeyIsNull(string kind)
    {
        var store = await StoreAsync(kind);
        Assert.Null(await store.OpenAsync("items/0195/never-written", Cancel));

        await store.PutAsync("items/0195/empty.vtt", new MemoryStream(), Cancel);
        var stored = await store.OpenAsync("items/0195/empty.vtt", Cancel);
        Assert.NotNull(stored);
        await using (stored.Content)
        {
            Assert.Equal(0, stored.Length);
        }
    }

    /// <summary>Failing after 100 kB is inside one request; after 20 MB, the S3 store is midway through a multipart upload.</summary>
    [Theory]
    [InlineData("File", 100_000)]
    [InlineData("S3", 100_000)]
    [InlineData("File", 20_000_000)]
    [InlineData("S3", 20_000_000)]
    public async Task AWriteThatFailsHalfway_LeavesNothingUnderTheKey(string kind, int failAfter)
    {
        var store = await StoreAsync(kind);
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("items/0194/original", new Generated(failAfter, failAfter), Cancel));

        Assert.Null(await store.OpenAsync("items/0194/original", Cancel));
        Assert.Empty(await LeftAsync(store));
    }

    [Theory]
    [InlineData("File", "../escape")]
    [InlineData("File", "items/../../etc/passwd")]
    [InlineData("File", "/absolute")]
    [InlineData("File", "Items/Upper")]
    [InlineData("File", "items//double")]
    [InlineData("File", "사진.jpg")]
    [InlineData("File", "")]
    [InlineData("S3", "../escape")]
    [InlineData("S3", "items/./dot")]
    [InlineData("S3", "Items/Upper")]
    [InlineData("S3", "사진.jpg")]
    public async Task AKeyOfAnotherShape_IsRefused(string kind, string key)
    {
        var store = await StoreAsync(kind);
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1]), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(key, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, Cancel));
        Assert.Empty(await LeftAsync(store));
    }

    [Fact]
    public async Task TwoNodes_SeeEachOthersObjects()
    {
        _s3 = await S3TestServer.StartAsync();
        // Two stores made from the same settings, as two processes of a fleet make theirs.
        using var nodeA = _s3.Store();
        using var nodeB = _s3.Store();
        var bytes = RandomNumberGenerator.GetBytes(50_000);

        await nodeA.PutAsync("items/0200/w640.jpg", new MemoryStream(bytes), Cancel);
        var onB = await nodeB.OpenAsync("items/0200/w640.jpg", Cancel);
        Assert.NotNull(onB);
        await using (onB.Content)
        {
            var back = new MemoryStream();
            await onB.Content.CopyToAsync(back, Cancel);
            Assert.Equal(bytes, back.ToArray());
        }

        await nodeB.DeleteAsync("items/0200/w640.jpg", Cancel);
        Assert.Null(await nodeA.OpenAsync("items/0200/w640.jpg", Cancel));
    }

    [Fact]
    public async Task ABucketThatDoesNotExist_GivesTheClearError_OnEveryOperation()
    {
        _s3 = await S3TestServer.StartAsync();
        using var store = _s3.Store(bucket: "no-such-bucket-here");

        var put = await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.PutAsync("items/0201/a.jpg", new MemoryStream([1, 2, 3]), Cancel));
        Assert.Contains("'no-such-bucket-here'", put.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", put.Message, StringComparison.Ordinal);
        // Not found is not "nothing under the key": a reader must not be told the photo was deleted.
        var open = await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.OpenAsync("items/0201/a.jpg", Cancel));
        Assert.Contains("does not exist", open.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.DeleteAsync("items/0201/a.jpg", Cancel));
    }

    [Fact]
    public async Task AServerThatIsDown_GivesTheClearError_WithoutTheKeys()
    {
        _s3 = await S3TestServer.StartAsync();
        var nobody = $"http://127.0.0.1:{PortNobodyListensOn()}";
        using var store = _s3.Store(serviceUrl: nobody);

        var put = await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.PutAsync("items/0202/a.jpg", new MemoryStream([1, 2, 3]), Cancel));
        Assert.Contains("could not be reached", put.Message, StringComparison.Ordinal);
        Assert.Contains(nobody, put.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_s3.SecretKey + "/", put.Message, StringComparison.Ordinal);
        var open = await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.OpenAsync("items/0202/a.jpg", Cancel));
        Assert.Contains("could not be reached", open.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongKeys_GiveTheClearError()
    {
        _s3 = await S3TestServer.StartAsync();
        var options = _s3.Options();
        options.AccessKey = "NOT-A-KEY";
        options.SecretKey = "not-the-secret";
        using var store = new S3MediaStore(Options.Create(options));

        var put = await Assert.ThrowsAsync<MediaStoreUnavailableException>(() => store.PutAsync("items/0203/a.jpg", new MemoryStream([1]), Cancel));
        Assert.Contains("refused the configured keys", put.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", put.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALargeObject_GoesThroughInParts_WithoutBeingHeldWhole()
    {
        _s3 = await S3TestServer.StartAsync();
        using var store = _s3.Store();
        const long size = 30L * 1024 * 1024;
        // What the SDK allocates once (its configuration, signer, connection) is not what this test is about.
        await store.PutAsync("items/0204/warm-up", new MemoryStream([1]), Cancel);
        await (await store.OpenAsync("items/0204/warm-up", Cancel))!.Content.DisposeAsync();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await store.PutAsync("items/0204/clip.mp4", new Generated(size), Cancel);
        var putAllocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        before = GC.GetTotalAllocatedBytes(precise: true);
        var stored = await store.OpenAsync("items/0204/clip.mp4", Cancel);
        Assert.NotNull(stored);
        Assert.Equal(size, stored.Length);
        long position = 0;
        var buffer = new byte[81_920];
        await using (stored.Content)
        {
            int read;
            while ((read = await stored.Content.ReadAsync(buffer, Cancel)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != Generated.ByteAt(position + i))
                    {
                        Assert.Fail($"byte {position + i} of the large object came back changed");
                    }
                }

                position += read;
            }
        }

        var getAllocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(size, position);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{size / (1024 * 1024)} MiB object: {putAllocated / (1024.0 * 1024):0.0} MiB allocated to put it, {getAllocated / (1024.0 * 1024):0.0} MiB to read it back");
        // Held whole, the object alone would be 30 MiB (and a growing MemoryStream twice that); in parts it is one
        // 8 MiB part buffer and what the HTTP stack needs around it.
        Assert.True(putAllocated < 20L * 1024 * 1024, $"putting 30 MiB allocated {putAllocated:N0} bytes");
        Assert.True(getAllocated < 8L * 1024 * 1024, $"reading 30 MiB allocated {getAllocated:N0} bytes");
    }

    [Fact]
    public async Task AStoreThatIsDown_IsA503WithRetryAfter_NotA500()
    {
        _s3 = await S3TestServer.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Media:Store"] = "S3",
            ["Media:S3:Bucket"] = _s3.Bucket,
            ["Media:S3:ServiceUrl"] = $"http://127.0.0.1:{PortNobodyListensOn()}",
            ["Media:S3:AccessKey"] = _s3.AccessKey,
            ["Media:S3:SecretKey"] = _s3.SecretKey,
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddMediaStorage(builder.Configuration);
        await using var app = builder.Build();
        app.UseExceptionHandler();
        // What the media library's handlers do: read a rendition for a page, or store an upload for the API.
        app.MapGet("/media/items/0205/w640.jpg", async (IMediaStore store, CancellationToken cancel) =>
            (await store.OpenAsync("items/0205/w640.jpg", cancel)) is { } found ? Results.Stream(found.Content, "image/jpeg") : Results.NotFound());
        app.MapPost("/api/newsroom/media", async (IMediaStore store, HttpRequest request, CancellationToken cancel) =>
        {
            await store.PutAsync("items/0205/original", request.Body, cancel);
            return Results.Created();
        });
        await app.StartAsync(Cancel);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var page = await client.GetAsync(new Uri("/media/items/0205/w640.jpg", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("media store cannot be reached", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);

        using var upload = await client.PostAsync(new Uri("/api/newsroom/media", UriKind.Relative), new ByteArrayContent([1, 2, 3]), Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"media-store\"", await upload.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await app.StopAsync(Cancel);
    }

    [Theory]
    [InlineData("Media:Store", "Dropbox", "Media:Store is 'Dropbox'")]
    [InlineData("Media:S3:Bucket", "", "Media:S3:Bucket must name")]
    [InlineData("Media:S3:Bucket", "My_Bucket", "Media:S3:Bucket must name")]
    [InlineData("Media:S3:ServiceUrl", "s3.internal:9000", "Media:S3:ServiceUrl must be")]
    [InlineData("Media:S3:SecretKey", "", "Media:S3:AccessKey and Media:S3:SecretKey go together")]
    public async Task BadSettings_StopTheHostAtStart_NamingTheSetting(string setting, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Media:Store"] = "S3",
            ["Media:S3:Bucket"] = "bulletin-media",
            ["Media:S3:ServiceUrl"] = "http://s3.internal:9000",
            ["Media:S3:AccessKey"] = "access",
            ["Media:S3:SecretKey"] = "secret",
            [setting] = value,
        };
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddMediaStorage(builder.Configuration);
            using var host = builder.Build();
            await host.StartAsync(Cancel);
        });
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodSettings_GiveTheS3Store()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Media:Store"] = "s3",
            ["Media:S3:Bucket"] = "bulletin-media",
            ["Media:S3:ServiceUrl"] = "http://s3.internal:9000",
            ["Media:S3:AccessKey"] = "access",
            ["Media:S3:SecretKey"] = "secret",
        });
        builder.Services.AddMediaStorage(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync(Cancel);
        Assert.IsType<S3MediaStore>(host.Services.GetRequiredService<IMediaStore>());
        await host.StopAsync(Cancel);
    }

    private static int PortNobodyListensOn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Bytes made as they are read (a repeating pattern, so nothing holds them), then an end or, as a client that
    /// drops mid-upload does, an IOException.
    /// </summary>
    internal sealed class Generated(long length, long failAfter = long.MaxValue) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position >= failAfter)
            {
                throw new IOException("The client went away.");
            }

            var n = (int)Math.Min(buffer.Length, Math.Min(length, failAfter) - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = ByteAt(_position + i);
            }

            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public static byte ByteAt(long position) => (byte)((position * 2654435761L) >> 13);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
