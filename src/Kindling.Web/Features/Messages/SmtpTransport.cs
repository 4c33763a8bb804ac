using System.Net.Sockets;
using Kindling.Domain;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kindling.Web.Features.Messages;

/// <summary>Real SMTP through MailKit: TLS on connect or STARTTLS, optional authentication.</summary>
public sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    private SmtpOptions Smtp => options.Value.Smtp;

    public string Describe() => $"SMTP {Smtp.Host}:{Smtp.Port} ({Smtp.Security})";

    public async Task<IMailConversation> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = Smtp.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.Auto,
            };
            await client.ConnectAsync(Smtp.Host ?? "", Smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(Smtp.UserName))
                await client.AuthenticateAsync(Smtp.UserName, Smtp.Password ?? "", ct);
            return new Conversation(client, MailboxAddress.Parse(options.Value.From));
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>True when the failure is about the connection or the server, not about one message.</summary>
    public static bool IsConnectionFailure(Exception e) =>
        e
            is SocketException
                or IOException
                or TimeoutException
                or SmtpProtocolException
                or ServiceNotConnectedException
                or AuthenticationException
                or SslHandshakeException;

    private sealed class Conversation(SmtpClient client, MailboxAddress from) : IMailConversation
    {
        public async Task<SendOutcome> SendAsync(Guid id, DateTime createdUtc, byte[] mime, CancellationToken ct)
        {
            using var stream = new MemoryStream(mime);
            var message = await MimeMessage.LoadAsync(stream, ct);
            try
            {
                await client.SendAsync(message, from, message.To.Mailboxes, ct);
                return new SendOutcome(SendResult.Sent);
            }
            catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
            {
                return new SendOutcome(
                    SendResult.Refused,
                    $"Refused by the mail server ({(int)e.StatusCode}): {e.Message}"
                );
            }
            catch (SmtpCommandException e)
            {
                return new SendOutcome(SendResult.Retry, $"Mail server said {(int)e.StatusCode}: {e.Message}");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
            {
                try
                {
                    await client.DisconnectAsync(quit: true);
                }
                catch (Exception e) when (IsConnectionFailure(e)) { }
            }
            client.Dispose();
        }
    }
}
