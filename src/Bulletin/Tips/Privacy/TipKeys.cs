using System.Security.Cryptography;
using System.Text;
using Bulletin.Hosting;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// The tip desk's secret, and the keys derived from it for each use (sealing text, files, receipt hashes, sender
/// hashes), so one use can never be turned against another. The secret is Tips:Key, else keys/tips.key in the data
/// directory, made on first use and readable only by its owner. Back it up apart from the database: without it
/// no tip can be read.
/// </summary>
public sealed class TipKeys
{
    public const string KeyFile = "keys/tips.key";

    public TipKeys(IOptions<TipsOptions> options, DataDirectory dataDirectory)
        : this(Load(options.Value, dataDirectory))
    {
    }

    private TipKeys(byte[] master)
    {
        Seal = Derive(master, "bulletin tips: seal");
        File = Derive(master, "bulletin tips: file");
        Receipt = Derive(master, "bulletin tips: receipt");
        Sender = Derive(master, "bulletin tips: sender");
        CryptographicOperations.ZeroMemory(master);
    }

    internal byte[] Seal { get; }
    internal byte[] File { get; }
    internal byte[] Receipt { get; }
    internal byte[] Sender { get; }

    /// <summary>A keyed hash of a channel identifier (a Kakao user key, a Message-ID): stable, not reversible.</summary>
    public string Pseudonym(string purpose, string value)
    {
        var hash = HMACSHA256.HashData(Sender, Encoding.UTF8.GetBytes(purpose + "\n" + value));
        return Convert.ToBase64String(hash);
    }

    private static byte[] Derive(byte[] master, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: Encoding.UTF8.GetBytes(purpose));

    private static byte[] Load(TipsOptions options, DataDirectory dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            var configured = Convert.FromBase64String(options.Key);
            return configured.Length == 32
                ? configured
                : throw new InvalidOperationException("Tips:Key must be the base64 of exactly 32 bytes.");
        }

        var path = dataDirectory.Combine(KeyFile);
        if (System.IO.File.Exists(path))
        {
            var stored = Convert.FromBase64String(System.IO.File.ReadAllText(path).Trim());
            return stored.Length == 32
                ? stored
                : throw new InvalidOperationException($"{KeyFile} in the data directory is damaged: it must hold the base64 of 32 bytes.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fresh = RandomNumberGenerator.GetBytes(32);
        var temporary = path + ".new";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, create))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(fresh));
        }

        // Another node or process may have made one at the same moment: the first to land wins and both use it.
        try
        {
            System.IO.File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            System.IO.File.Delete(temporary);
            return Convert.FromBase64String(System.IO.File.ReadAllText(path).Trim());
        }

        return fresh;
    }
}
