using System.Text;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Messages;

// STAND-IN for the messaging core that lands on main (same signatures as the brief); removed when main is merged.
public sealed record Message(MessageKind Kind, string Subject, string Link, string LinkLabel)
{
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public string? Summary { get; init; }
    public Guid? CohortId { get; init; }
    public string? CohortName { get; init; }
}

public sealed class Messenger(TimeProvider clock, PublicUrls urls)
{
    public void Mail(KindlingDb db, string toAddress, string? toName, Message message, string? userId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var body = string.Join("\n\n", message.Paragraphs) + $"\n\n{message.LinkLabel}: {urls.For(message.Link)}\n";
        db.Outbox.Add(
            new OutboxMessage
            {
                Kind = message.Kind,
                UserId = userId,
                CohortId = message.CohortId,
                ToAddress = toAddress,
                Subject = message.Subject,
                Mime = Encoding.UTF8.GetBytes($"To: {toName} <{toAddress}>\nSubject: {message.Subject}\n\n{body}"),
                CreatedUtc = now,
                NextAttemptUtc = now,
            }
        );
    }
}
