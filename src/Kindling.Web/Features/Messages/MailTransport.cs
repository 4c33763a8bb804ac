using Kindling.Domain;

namespace Kindling.Web.Features.Messages;

public enum SendResult
{
    Sent,

    /// <summary>Worth trying again later (server away, temporary refusal).</summary>
    Retry,

    /// <summary>Refused for good, e.g. the recipient's server says the address does not exist (a bounce).</summary>
    Refused,
}

public sealed record SendOutcome(SendResult Result, string? Error = null);

/// <summary>Delivers whole messages; one conversation per batch (<see cref="OpenAsync"/>).</summary>
public interface IMailTransport
{
    string Describe();
    Task<IMailConversation> OpenAsync(CancellationToken ct);
}

public interface IMailConversation : IAsyncDisposable
{
    Task<SendOutcome> SendAsync(Guid id, DateTime createdUtc, byte[] mime, CancellationToken ct);
}
