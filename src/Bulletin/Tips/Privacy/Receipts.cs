using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bulletin.Tips.Privacy;

/// <summary>
/// Tip receipts are passwords. A receipt is 20 symbols of Crockford's base32 from the system's CSPRNG (100 bits),
/// shown once as five groups of four, and never put in a URL, a log or an e-mail. The database keeps only
/// PBKDF2-SHA256 of it, salted by a keyed hash of the receipt itself: the hash can then be looked up directly,
/// and guessing offline needs both the database and the tip key, at the full cost of the slow hash per guess.
/// </summary>
public sealed class Receipts(TipKeys keys, IOptions<TipsOptions> options)
{
    public const int Symbols = 20;
    public const int EntropyBits = Symbols * 5;

    // No I, L, O or U: nothing to misread when a receipt is copied by hand or read over the phone.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewPhrase()
    {
        Span<char> symbols = stackalloc char[Symbols];
        for (var i = 0; i < Symbols; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var text = new StringBuilder(Symbols + 4);
        for (var i = 0; i < Symbols; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text.Append('-');
            }

            text.Append(symbols[i]);
        }

        return text.ToString();
    }

    /// <summary>The phrase as typed, forgiving case, spaces, dashes and the look-alike letters; null when it cannot be one.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 100)
        {
            return null;
        }

        var text = new StringBuilder(Symbols);
        foreach (var c in typed.ToUpperInvariant())
        {
            var symbol = c switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => c,
            };
            if (symbol is '-' or ' ' or '\t')
            {
                continue;
            }

            if (!Alphabet.Contains(symbol, StringComparison.Ordinal))
            {
                return null;
            }

            text.Append(symbol);
        }

        return text.Length == Symbols ? text.ToString() : null;
    }

    /// <summary>The stored form of a phrase, or null when the phrase cannot be a receipt.</summary>
    public string? Hash(string? typed)
    {
        var normal = Normalise(typed);
        if (normal is null)
        {
            return null;
        }

        var password = Encoding.ASCII.GetBytes(normal);
        var salt = HMACSHA256.HashData(keys.Receipt, password)[..16];
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, options.Value.ReceiptIterations, HashAlgorithmName.SHA256, 32);
        return "p1$" + Convert.ToBase64String(hash);
    }

    /// <summary>Whether a text contains the receipt (tipsters sometimes paste it into a message; it must not be stored).</summary>
    public static bool Contains(string text, string phrase)
    {
        var normal = Normalise(phrase);
        if (normal is null)
        {
            return false;
        }

        var squeezed = new StringBuilder(text.Length);
        foreach (var c in text.ToUpperInvariant())
        {
            if (c is not ('-' or ' ' or '\t' or '\r' or '\n'))
            {
                squeezed.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
            }
        }

        return squeezed.ToString().Contains(normal, StringComparison.Ordinal);
    }
}
