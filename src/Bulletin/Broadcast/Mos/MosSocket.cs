using System.Net;
using System.Net.Sockets;

namespace Bulletin.Broadcast.Mos;

/// <summary>One MOS TCP connection: framed reads, and writes one whole message at a time.</summary>
internal sealed class MosSocket : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly MosFrameReader _reader;
    private readonly SemaphoreSlim _write = new(1, 1);

    public MosSocket(TcpClient client, int maxMessageBytes)
    {
        _client = client;
        _client.NoDelay = true;
        _stream = client.GetStream();
        _reader = new MosFrameReader(_stream, maxMessageBytes / 2);
        Remote = client.Client.RemoteEndPoint;
    }

    public EndPoint? Remote { get; }

    public ValueTask<MosFrame?> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    public async Task WriteAsync(MosEnvelope envelope, CancellationToken cancellationToken)
    {
        var bytes = MosCodec.Encode(envelope);
        await _write.WaitAsync(cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        finally
        {
            _write.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _write.Dispose();
        return ValueTask.CompletedTask;
    }
}
