using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Bulletin.Tips.Privacy;

/// <summary>Reads back what <see cref="SealedFileWriter"/> wrote; a damaged, swapped or cut-short file throws.</summary>
internal sealed class SealedFileReader : Stream
{
    private readonly Stream _inner;
    private readonly AesGcm _aes;
    private readonly byte[] _cipher = new byte[SealedFileWriter.ChunkSize + 16];
    private readonly byte[] _plain = new byte[SealedFileWriter.ChunkSize];
    private int _plainLength;
    private int _plainOffset;
    private uint _counter;
    private bool _sawFinal;

    public SealedFileReader(Stream inner, byte[] fileKey)
    {
        _inner = inner;
        Span<byte> header = stackalloc byte[20];
        _inner.ReadExactly(header);
        if (!header[..4].SequenceEqual(SealedFileWriter.Magic))
        {
            throw new CryptographicException("This is not a sealed tip file.");
        }

        _aes = new AesGcm(HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, 32, header[4..].ToArray()), 16);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_plainOffset == _plainLength)
        {
            if (_sawFinal)
            {
                return 0;
            }

            NextChunk();
        }

        var take = Math.Min(buffer.Length, _plainLength - _plainOffset);
        _plain.AsSpan(_plainOffset, take).CopyTo(buffer);
        _plainOffset += take;
        return take;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CryptographicOperations.ZeroMemory(_plain);
            _aes.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void NextChunk()
    {
        Span<byte> lengthBytes = stackalloc byte[4];
        if (_inner.ReadAtLeast(lengthBytes, 4, throwOnEndOfStream: false) < 4)
        {
            throw new CryptographicException("A sealed tip file ends early: it was cut short.");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(lengthBytes);
        if (length is < 0 or > SealedFileWriter.ChunkSize)
        {
            throw new CryptographicException("A sealed tip file is damaged.");
        }

        _inner.ReadExactly(_cipher, 0, length + 16);
        var nonce = SealedFileWriter.Nonce(_counter++);
        try
        {
            _aes.Decrypt(nonce, _cipher.AsSpan(0, length), _cipher.AsSpan(length, 16), _plain.AsSpan(0, length), SealedFileWriter.AssociatedData(false));
        }
        catch (AuthenticationTagMismatchException)
        {
            _aes.Decrypt(nonce, _cipher.AsSpan(0, length), _cipher.AsSpan(length, 16), _plain.AsSpan(0, length), SealedFileWriter.AssociatedData(true));
            _sawFinal = true;
        }

        _plainLength = length;
        _plainOffset = 0;
    }
}
