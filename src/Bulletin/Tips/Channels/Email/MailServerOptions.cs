namespace Bulletin.Tips.Channels.Email;

/// <summary>An IMAP or SMTP server. The mailbox poller and the reply mailer are off while Host is empty.</summary>
public sealed class MailServerOptions
{
    public string? Host { get; set; }
    public int Port { get; set; }

    /// <summary>"Tls" (TLS from the start), "StartTls", or "None" (only for a server on this machine).</summary>
    public string Security { get; set; } = "Tls";

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>IMAP: the folder to read. SMTP: unused.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>SMTP: the address replies come from.</summary>
    public string? From { get; set; }

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>IMAP: whether the host polls by itself. Off, the mailbox is read only when asked (tests do that).</summary>
    public bool AutoPoll { get; set; } = true;

    /// <summary>Messages larger than this are left in the mailbox, flagged, for a person to look at.</summary>
    public long MaxMessageBytes { get; set; } = 60L * 1024 * 1024;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
