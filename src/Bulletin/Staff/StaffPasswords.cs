using System.Security.Cryptography;

namespace Bulletin.Staff;

/// <summary>One-time passwords handed to new staff and on reset.</summary>
public static class StaffPasswords
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>
    /// Four random groups of five (about 114 bits), easy to read out over the phone, ending in a fixed "-aA7" that
    /// only satisfies Identity's character-class rules and adds nothing to the strength.
    /// </summary>
    public static string New()
    {
        var groups = Enumerable.Range(0, 4).Select(_ => new string(Enumerable.Range(0, 5)
            .Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()));
        return string.Join('-', groups) + "-aA7";
    }
}
