using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// Writes a file encrypted as it streams, so plaintext never reaches the disk, not even in a temporary file.
/// Each file gets its own key (HKDF of the file key and a random salt in the header); the content is cut into
/// 64 KiB chunks, each sealed with AES-GCM under a counter nonce, the last one marked so a cut-short file is caught.
/// Layout: "BTF1" | salt (16) | chunks of [length (4) | ciphertext | tag (16)].
/// </summary>
internal sealed class SealedFileWriter : Stream
{
    internal const int ChunkSize = 64 * 1024;
    internal static ReadOnlySpan<byte> Magic => "BTF1"u8;

    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly byte[] _buffer = new byte[ChunkSize];
    private readonly byte[] _output = new byte[ChunkSize + 20];
    private int _filled;
    private uint _counter;
    private bool _finished;

    public SealedFileWriter(Stream inner, byte[] fileKey)
    {
        _inner = inner;
        Span<byte> header = stackalloc byte[20];
        Magic.CopyTo(header);
        var salt = header[4..];
        RandomNumberGenerator.Fill(salt);
        _aes = new AesGcm(HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, 32, salt.ToArray()), 16);
        _inner.Write(header);
    }

    public long PlainLength { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_finished;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => PlainLength; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!buffer.IsEmpty)
        {
            var take = Math.Min(buffer.Length, ChunkSize - _filled);
            buffer[..take].CopyTo(_buffer.AsSpan(_filled));
            _filled += take;
            buffer = buffer[take..];
            PlainLength += take;
            if (_filled == ChunkSize)
            {
                EmitChunk(final: false);
            }
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <summary>Seals the last chunk and flushes to the disk. A writer disposed without this leaves a file that will not open.</summary>
    public void Finish()
    {
        if (_finished)
        {
            return;
        }

        EmitChunk(final: true);
        _finished = true;
        _inner.Flush();
        if (_inner is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CryptographicOperations.ZeroMemory(_buffer);
            _aes.Dispose();
            _inner.Dispose();
        }

        _finished = true;
        base.Dispose(disposing);
    }

    internal static byte[] Nonce(uint counter)
    {
        var nonce = new byte[12];
        BinaryPrimitives.WriteUInt32BigEndian(nonce.AsSpan(8), counter);
        return nonce;
    }

    internal static byte[] AssociatedData(bool final) => [final ? (byte)1 : (byte)0];

    private void EmitChunk(bool final)
    {
        BinaryPrimitives.WriteInt32BigEndian(_output, _filled);
        _aes.Encrypt(Nonce(_counter++), _buffer.AsSpan(0, _filled), _output.AsSpan(4, _filled), _output.AsSpan(4 + _filled, 16), AssociatedData(final));
        _inner.Write(_output, 0, 4 + _filled + 16);
        _filled = 0;
    }
}
