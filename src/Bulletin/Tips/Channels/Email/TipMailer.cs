using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bulletin.Tips.Channels.Email;

/// <summary>Sends the desk's replies to tips that came by e-mail, over SMTP (Tips:Smtp).</summary>
public sealed class TipMailer(IOptions<TipsOptions> options)
{
    public bool IsConfigured => options.Value.Smtp.IsConfigured && !string.IsNullOrWhiteSpace(options.Value.Smtp.From);

    public async Task SendReplyAsync(string address, string reply, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (!IsConfigured)
        {
            throw new InvalidOperationException("Tips:Smtp:Host and Tips:Smtp:From must be set to e-mail replies to tipsters.");
        }

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From!));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = "Re: your tip / 제보에 대한 답장";
        message.Body = new TextPart("plain") { Text = reply };

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, MailSecurity.Of(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
