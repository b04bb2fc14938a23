using System.Security.Cryptography;
using System.Text;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// Seals short texts (tip text, contact details, messages, file names) with AES-GCM. The tip's id is bound in as
/// associated data, so a sealed value copied onto another tip's row does not open.
/// Layout: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class TipSealer(TipKeys keys)
{
    private const byte Version = 1;

    public byte[] Seal(Guid tipId, string text)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[1 + 12 + 16 + plain.Length];
        sealedBytes[0] = Version;
        var nonce = sealedBytes.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.Seal, 16);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), tipId.ToByteArray());
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    public byte[]? SealOrNull(Guid tipId, string? text) => string.IsNullOrEmpty(text) ? null : Seal(tipId, text);

    public string Open(Guid tipId, byte[] sealedBytes)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < 29 || sealedBytes[0] != Version)
        {
            throw new CryptographicException("A sealed tip value is damaged or of an unknown version.");
        }

        var plain = new byte[sealedBytes.Length - 29];
        using var aes = new AesGcm(keys.Seal, 16);
        aes.Decrypt(sealedBytes.AsSpan(1, 12), sealedBytes.AsSpan(29), sealedBytes.AsSpan(13, 16), plain, tipId.ToByteArray());
        return Encoding.UTF8.GetString(plain);
    }

    public string? OpenOrNull(Guid tipId, byte[]? sealedBytes) => sealedBytes is null ? null : Open(tipId, sealedBytes);
}
