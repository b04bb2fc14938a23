using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Bulletin.Caching;

/// <summary>
/// Stands in for the response body while a page the cache may keep is rendered. The first time anything is
/// written it looks at the endpoint routing chose: a cacheable page is kept in memory, to be compressed and sent
/// by the cache; anything else (the newsroom, the APIs, a download) goes straight through, unbuffered.
/// </summary>
internal sealed class PageCapture : Stream, IHttpResponseBodyFeature
{
    private readonly HttpContext _context;
    private readonly IHttpResponseBodyFeature _inner;
    private readonly bool _discard;
    private MemoryStream? _buffer;
    private PipeWriter? _writer;
    private bool _decided;

    /// <param name="discard">A HEAD request rendered as a GET: whatever is not kept is not sent either.</param>
    public PageCapture(HttpContext context, IHttpResponseBodyFeature inner, bool discard)
    {
        _context = context;
        _inner = inner;
        _discard = discard;
    }

    /// <summary>The page's bytes, when it was kept; null when it went through.</summary>
    public MemoryStream? Captured => _decided ? _buffer : null;

    /// <summary>Whether the endpoint is one the cache keeps (decided now if nothing was written).</summary>
    public bool Capturing
    {
        get
        {
            Decide();
            return _buffer is not null;
        }
    }

    Stream IHttpResponseBodyFeature.Stream => this;

    PipeWriter IHttpResponseBodyFeature.Writer
    {
        get
        {
            Decide();
            if (_buffer is null && !_discard)
            {
                return _inner.Writer;
            }

            return _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));
        }
    }

    public override bool CanRead => false;
    // While kept, the body can be emptied again: the error handler does that before it writes the error page.
    public override bool CanSeek => _buffer is not null;
    public override bool CanWrite => true;
    public override long Length => _buffer?.Length ?? throw new NotSupportedException();

    public override long Position
    {
        get => _buffer?.Position ?? throw new NotSupportedException();
        set => (_buffer ?? throw new NotSupportedException()).Position = value;
    }

    public void DisableBuffering()
    {
        Decide();
        if (_buffer is null)
        {
            _inner.DisableBuffering();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Decide();
        return _buffer is null && !_discard ? _inner.StartAsync(cancellationToken) : Task.CompletedTask;
    }

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        Decide();
        if (_buffer is null && !_discard)
        {
            await _inner.CompleteAsync();
        }
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        Decide();
        return _buffer is null && !_discard
            ? _inner.SendFileAsync(path, offset, count, cancellationToken)
            : SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Decide();
        if (_buffer is not null)
        {
            _buffer.Write(buffer);
        }
        else if (!_discard)
        {
            _inner.Stream.Write(buffer);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Decide();
        if (_buffer is not null)
        {
            _buffer.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        return _discard ? ValueTask.CompletedTask : _inner.Stream.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
        if (_decided && _buffer is null && !_discard)
        {
            _inner.Stream.Flush();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _decided && _buffer is null && !_discard ? _inner.Stream.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => (_buffer ?? throw new NotSupportedException()).Seek(offset, origin);
    public override void SetLength(long value) => (_buffer ?? throw new NotSupportedException()).SetLength(value);

    private void Decide()
    {
        if (_decided)
        {
            return;
        }

        _decided = true;
        if (_context.GetEndpoint()?.Metadata.GetMetadata<CachedPageAttribute>() is not null)
        {
            _buffer = new MemoryStream();
        }
    }
}
