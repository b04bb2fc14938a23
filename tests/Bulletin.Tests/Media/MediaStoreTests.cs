using Bulletin.Hosting;
using Bulletin.Media.Storage;

namespace Bulletin.Tests.Media;

/// <summary>What every media store promises: whole objects or none, read back byte for byte, keys of one shape.</summary>
public sealed class MediaStoreTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bulletin-media-");

    public void Dispose() => _folder.Delete(recursive: true);

    private FileMediaStore Store() => new(new DataDirectory(_folder.FullName));

    [Fact]
    public async Task AnObjectPut_IsReadBackWhole_AndGoneOnceDeleted()
    {
        var store = Store();
        var bytes = new byte[300_000];
        Random.Shared.NextBytes(bytes);
        await store.PutAsync("items/0193/w1280.webp", new MemoryStream(bytes), TestContext.Current.CancellationToken);

        var stored = await store.OpenAsync("items/0193/w1280.webp", TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        await using (stored.Content)
        {
            Assert.Equal(bytes.Length, stored.Length);
            var back = new MemoryStream();
            await stored.Content.CopyToAsync(back, TestContext.Current.CancellationToken);
            Assert.Equal(bytes, back.ToArray());
        }

        await store.DeleteAsync("items/0193/w1280.webp", TestContext.Current.CancellationToken);
        Assert.Null(await store.OpenAsync("items/0193/w1280.webp", TestContext.Current.CancellationToken));
        // Deleting what is not there is not an error.
        await store.DeleteAsync("items/0193/w1280.webp", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AWriteThatFailsHalfway_LeavesNothingUnderTheKey()
    {
        var store = Store();
        await Assert.ThrowsAsync<IOException>(() => store.PutAsync("items/0194/original", new FailingAfter(100_000), TestContext.Current.CancellationToken));

        Assert.Null(await store.OpenAsync("items/0194/original", TestContext.Current.CancellationToken));
        Assert.Empty(Directory.EnumerateFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("items/../../etc/passwd")]
    [InlineData("/absolute")]
    [InlineData("Items/Upper")]
    [InlineData("items//double")]
    [InlineData("사진.jpg")]
    [InlineData("")]
    public async Task AKeyOfAnotherShape_IsRefused(string key)
    {
        var store = Store();
        await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync(key, new MemoryStream([1]), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenAsync(key, TestContext.Current.CancellationToken));
    }

    /// <summary>A stream that gives some bytes and then fails, as a client that drops mid-upload does.</summary>
    private sealed class FailingAfter(int bytes) : Stream
    {
        private int _left = bytes;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left <= 0)
            {
                throw new IOException("The client went away.");
            }

            var n = Math.Min(count, _left);
            _left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
