using MailKit.Security;

namespace Bulletin.Tips.Channels.Email;

internal static class MailSecurity
{
    public static SecureSocketOptions Of(string setting) => setting.ToUpperInvariant() switch
    {
        "TLS" => SecureSocketOptions.SslOnConnect,
        "STARTTLS" => SecureSocketOptions.StartTls,
        "NONE" => SecureSocketOptions.None,
        _ => throw new InvalidOperationException($"Mail security must be Tls, StartTls or None, not '{setting}'."),
    };
}
