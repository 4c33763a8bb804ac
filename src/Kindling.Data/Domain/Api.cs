namespace Kindling.Domain;

/// <summary>What a personal access token may do: read only, or read and write.</summary>
public enum ApiTokenScope
{
    Read = 0,
    Write = 1,
}

/// <summary>
/// A personal access token for the HTTP API. The secret is shown once when the token is made; only its SHA-256 is
/// kept. A token acts as its person, never beyond what they may do on the pages, and can be narrowed to reading and to
/// one cohort. Revoking deletes the row.
/// </summary>
public class ApiToken
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public string SecretHash { get; set; } = "";

    /// <summary>The secret's first characters, shown in the list so a person can tell tokens apart.</summary>
    public string Hint { get; set; } = "";
    public ApiTokenScope Scope { get; set; }

    /// <summary>When set, the token reaches this cohort only (and "me").</summary>
    public Guid? CohortId { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Null: never expires.</summary>
    public DateTime? ExpiresUtc { get; set; }
    public DateTime? LastUsedUtc { get; set; }
}

/// <summary>
/// A facilitator's webhook for one cohort: events of the chosen kinds are posted as JSON to <see cref="Url"/>,
/// signed with HMAC-SHA256 of <see cref="Secret"/>.
/// </summary>
public class Webhook
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CohortId { get; set; }
    public string Url { get; set; } = "";

    /// <summary>The signing secret, shown to the cohort's facilitators.</summary>
    public string Secret { get; set; } = "";

    /// <summary>The event names it receives, space-separated (e.g. "session.started notes.published").</summary>
    public string Events { get; set; } = "";
    public bool Active { get; set; } = true;
    public string CreatedById { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

public enum WebhookDeliveryState
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}

/// <summary>
/// One event for one webhook: written in the same transaction as the change that caused it, posted afterwards with
/// retries (the webhook outbox), and kept as the delivery log.
/// </summary>
public class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WebhookId { get; set; }
    public string Event { get; set; } = "";

    /// <summary>The exact JSON body; a retry posts the same bytes.</summary>
    public string Payload { get; set; } = "";
    public WebhookDeliveryState State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? DeliveredUtc { get; set; }

    /// <summary>The HTTP status of the last attempt, when the receiver answered.</summary>
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
}
