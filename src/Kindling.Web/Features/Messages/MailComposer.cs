using System.Net;
using System.Text;
using Kindling.Domain;
using Kindling.Web.Features.Messages.Unsubscribe;
using Kindling.Web.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kindling.Web.Features.Messages;

/// <summary>
/// Turns a <see cref="Message"/> into a whole e-mail: a plain-text and an HTML part saying the same, the cohort's
/// name, a stable Message-ID, and for the kinds a person can turn off, List-Unsubscribe headers (one click, RFC 8058)
/// and a footer with the same links. No images, no tracking.
/// </summary>
public sealed class MailComposer(IOptions<MailOptions> options, PublicUrls urls, UnsubscribeLinks unsubscribe)
{
    public const string PreferencesPath = "/account/messages";

    /// <summary>Kinds that a person may not turn off: they answer something the person did or are addressed to an
    /// address rather than a person.</summary>
    public static bool IsOptional(MessageKind kind) => kind is not (MessageKind.Account or MessageKind.Invitation);

    public MimeMessage Compose(Guid id, DateTime nowUtc, string toAddress, string? toName, Message m, string? userId)
    {
        var mail = new MimeMessage
        {
            MessageId = $"{id:N}@{new Uri(urls.Base).Host}",
            Date = new DateTimeOffset(nowUtc, TimeSpan.Zero),
            // "[Cohort] …" tells people at a glance who wrote, unless the subject already names the cohort.
            Subject =
                m.CohortName is { Length: > 0 } c && !m.Subject.Contains(c, StringComparison.Ordinal)
                    ? $"[{c}] {m.Subject}"
                    : m.Subject,
        };
        mail.From.Add(MailboxAddress.Parse(options.Value.From));
        mail.To.Add(new MailboxAddress(toName ?? "", toAddress));
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        mail.Headers.Add("X-Kindling-Kind", m.Kind.ToString());
        string? unsubscribeUrl = null;
        if (userId is not null && IsOptional(m.Kind))
        {
            unsubscribeUrl = unsubscribe.For(userId, m.Kind);
            mail.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        var link = m.Link.StartsWith("http", StringComparison.Ordinal) ? m.Link : urls.For(m.Link);
        var body = new BodyBuilder
        {
            TextBody = Text(m, link, unsubscribeUrl),
            HtmlBody = Html(m, link, unsubscribeUrl),
        };
        foreach (var a in m.Attachments)
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mail.Body = body.ToMessageBody();
        return mail;
    }

    private string Footer(Message m, string? unsubscribeUrl) =>
        (m.CohortName is { Length: > 0 } c ? $"You receive this as a member of the cohort \"{c}\" on Kindling. " : "")
        + (
            unsubscribeUrl is null
                ? "This message was sent because of something done with your address on Kindling."
                : $"Choose which messages you get: {urls.For(PreferencesPath)}"
        );

    private string Text(Message m, string link, string? unsubscribeUrl)
    {
        var s = new StringBuilder();
        foreach (var p in m.Paragraphs)
            s.Append(p).Append("\n\n");
        s.Append(m.LinkLabel).Append(": ").Append(link).Append("\n\n-- \n").Append(Footer(m, unsubscribeUrl));
        if (unsubscribeUrl is not null)
            s.Append("\nStop these messages: ").Append(unsubscribeUrl);
        return s.Append('\n').ToString();
    }

    private string Html(Message m, string link, string? unsubscribeUrl)
    {
        static string E(string t) => WebUtility.HtmlEncode(t);
        var s = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;color:#1f2937\">");
        foreach (var p in m.Paragraphs)
            s.Append("<p>").Append(E(p).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        s.Append("<p><a href=\"")
            .Append(E(link))
            .Append("\" style=\"background:#9a3412;color:#fff;padding:8px 14px;text-decoration:none\">")
            .Append(E(m.LinkLabel))
            .Append("</a></p><hr><p style=\"font-size:small;color:#4b5563\">")
            .Append(E(Footer(m, unsubscribeUrl)));
        if (unsubscribeUrl is not null)
            s.Append(" <a href=\"").Append(E(unsubscribeUrl)).Append("\">Stop these messages</a>");
        return s.Append("</p></body></html>").ToString();
    }
}
