using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Channels.Kakao;

/// <summary>
/// Fetches the pictures a Kakao user sent, from the configured image hosts only. Redirects are not followed, and the
/// address a name resolves to is checked when the connection is made (not before, where DNS could answer differently
/// the second time): loopback, private, link-local and other non-public addresses are never connected to.
/// </summary>
public sealed class KakaoImageFetcher : IDisposable
{
    private readonly HttpClient _client;
    private readonly KakaoTipsOptions _options;

    public KakaoImageFetcher(IOptions<TipsOptions> options)
    {
        _options = options.Value.Kakao;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(3),
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectToPublicAddressAsync,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public bool IsAllowedHost(Uri url) =>
        url.Scheme is "http" or "https"
        && _options.ImageHosts.Any(h => url.IdnHost.Equals(h, StringComparison.OrdinalIgnoreCase)
            || url.IdnHost.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    /// <summary>The picture's bytes, or null when it may not or could not be fetched within the limits.</summary>
    public async Task<byte[]?> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!IsAllowedHost(url))
        {
            return null;
        }

        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentLength > _options.MaxImageBytes)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > _options.MaxImageBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public void Dispose() => _client.Dispose();

    internal static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
                || (b[0] == 198 && b[1] is 18 or 19)
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
                || address.IsIPv4MappedToIPv6 || address.IsIPv6Teredo
                || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
                || (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
                || b.Take(15).All(x => x == 0));
        }

        return false;
    }

    private static async ValueTask<Stream> ConnectToPublicAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException("Image hosts must be public addresses; this one is not, so it was not connected to.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
