using System.Text.RegularExpressions;
using Bulletin.Core.Tips;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Bulletin.Tips.Channels.Email;

/// <summary>
/// Reads the tips mailbox over IMAP (Tips:Mailbox). Each unread message becomes a tip with its text and attachments;
/// only after the tip is stored is the message flagged \Seen on the server. Tips are de-duplicated by Message-ID,
/// so a crash after storing and before flagging stores nothing twice, and a crash before storing loses nothing.
/// Received and X-Originating-IP headers and the like are never stored; the From address is sealed with the tip.
/// </summary>
public sealed partial class TipMailbox(IServiceScopeFactory scopes, IOptions<TipsOptions> options, TimeProvider clock, ILogger<TipMailbox> logger)
    : BackgroundService
{
    /// <summary>A test hook: called with "fetched" and "stored" for each message, to simulate a crash at that point.</summary>
    internal Func<string, Task>? FaultPoint { get; set; }

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Reads every unread message once; returns how many new tips were stored.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Mailbox;
        if (!settings.IsConfigured)
        {
            return 0;
        }

        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await PollAsync(settings, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public override void Dispose()
    {
        _oneAtATime.Dispose();
        base.Dispose();
    }

    private async Task<int> PollAsync(MailServerOptions settings, CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        await client.ConnectAsync(settings.Host!, settings.Port, MailSecurity.Of(settings.Security), cancellationToken);
        await client.AuthenticateAsync(settings.UserName ?? "", settings.Password ?? "", cancellationToken);
        var folder = await client.GetFolderAsync(settings.Folder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var unread = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        var stored = 0;
        foreach (var uid in unread)
        {
            var summary = (await folder.FetchAsync([uid], MessageSummaryItems.Size | MessageSummaryItems.UniqueId, cancellationToken)).FirstOrDefault();
            if (summary?.Size is { } size && size > settings.MaxMessageBytes)
            {
                // Too large to take in: leave it for a person, flagged so it is not fetched again and again.
                await folder.AddFlagsAsync(uid, MessageFlags.Flagged | MessageFlags.Seen, true, cancellationToken);
                logger.LogWarning("A tip e-mail of {Size} bytes is over Tips:Mailbox:MaxMessageBytes; it was flagged for a person.", size);
                continue;
            }

            try
            {
                if (await StoreAsync(folder, uid, cancellationToken))
                {
                    stored++;
                }
            }
            catch (Exception e) when (e is FormatException or ParseException or TipRefusedException or InvalidDataException)
            {
                // A message that cannot be read must not stop the ones after it.
                await folder.AddFlagsAsync(uid, MessageFlags.Flagged | MessageFlags.Seen, true, cancellationToken);
                var error = e.GetType().Name;
                logger.LogWarning("A tip e-mail could not be read and was flagged for a person: {Error}", error);
                continue;
            }

            await folder.AddFlagsAsync(uid, MessageFlags.Seen, true, cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
        return stored;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Mailbox.IsConfigured || !options.Value.Mailbox.AutoPoll)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Mailbox.PollInterval, clock);
        do
        {
            try
            {
                await PollOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.Security.AuthenticationException
                or System.Net.Sockets.SocketException or ServiceNotConnectedException or ImapCommandException or FolderNotFoundException)
            {
                var error = e.GetType().Name;
                logger.LogWarning("The tips mailbox could not be read this time: {Error}", error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<bool> StoreAsync(IMailFolder folder, UniqueId uid, CancellationToken cancellationToken)
    {
        using var raw = await folder.GetStreamAsync(uid, cancellationToken);
        var parser = new ParserOptions { MaxMimeDepth = 16 };
        var message = await MimeMessage.LoadAsync(parser, raw, cancellationToken);
        if (FaultPoint is { } fetched)
        {
            await fetched("fetched");
        }

        var sourceId = string.IsNullOrWhiteSpace(message.MessageId) ? "uid:" + folder.UidValidity + ":" + uid.Id : message.MessageId;
        await using var scope = scopes.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<TipIntake>();
        if (await intake.HasSourceAsync(TipChannel.Email, sourceId, cancellationToken))
        {
            return false;
        }

        await using var upload = intake.Begin();
        foreach (var part in message.Attachments.OfType<MimePart>().Take(options.Value.MaxFiles))
        {
            using var content = new MemoryStream();
            if (part.Content is null)
            {
                continue;
            }

            await part.Content.DecodeToAsync(content, cancellationToken);
            content.Position = 0;
            await upload.AddFileAsync(content, part.FileName, cancellationToken);
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.Address;
        var subject = Clip(message.Subject ?? "", 500);
        var body = message.TextBody ?? StripTags(message.HtmlBody ?? "");
        var text = Clip((subject.Length > 0 ? subject + "\n\n" : "") + body.Trim(), options.Value.MaxTextLength);
        await intake.CompleteAsync(upload, new TipSubmission(TipChannel.Email, text)
        {
            Contact = from,
            // Writing to the desk's address is asking for an answer at one's own.
            MayContact = from is not null,
            SourceId = sourceId,
        }, cancellationToken);
        if (FaultPoint is { } storedHook)
        {
            await storedHook("stored");
        }

        return true;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>An HTML-only e-mail becomes plain text for the desk; it is never rendered as HTML.</summary>
    private static string StripTags(string html) => Tags().Replace(html, " ");

    [GeneratedRegex("<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex Tags();
}
