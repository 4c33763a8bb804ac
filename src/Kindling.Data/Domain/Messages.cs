namespace Kindling.Domain;

/// <summary>What a message is about. A person chooses per kind how (and whether) it reaches them by e-mail.</summary>
public enum MessageKind
{
    /// <summary>An invitation sent to an address; not subject to preferences (there is no person yet).</summary>
    Invitation = 0,

    /// <summary>Address confirmation, password reset, sign-in security: always sent, never in a digest.</summary>
    Account = 1,
    SessionReminder = 2,
    AfterSession = 3,
    WorksheetComment = 4,
    FeedbackRequest = 5,
    QuestionAnswered = 6,
    ReviewReminder = 7,
    ConcernReport = 8,

    /// <summary>The daily digest itself, which gathers the others.</summary>
    Digest = 9,

    /// <summary>A facilitator asked you to give feedback on someone's worksheet, and the reminder before it is
    /// due.</summary>
    PeerFeedback = 10,

    /// <summary>To facilitators: a session ended automatically, or its after-session message waits to be
    /// sent.</summary>
    FacilitatorNotice = 11,
}

/// <summary>How a person wants one kind of message by e-mail. In-app notifications are always kept.</summary>
public enum EmailDelivery
{
    Immediately = 0,
    DailyDigest = 1,
    Off = 2,
}

public enum OutboxState
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// One e-mail, written in the same transaction as the change that caused it and delivered afterwards by the
/// outbox sender, with retries. The whole message (RFC 5322, headers and parts) is built when it is written, so a
/// retry sends exactly the same bytes with the same Message-ID.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public MessageKind Kind { get; set; }

    /// <summary>The recipient's account, when there is one (an invitation goes to an address only).</summary>
    public string? UserId { get; set; }
    public Guid? CohortId { get; set; }
    public string ToAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public byte[] Mime { get; set; } = [];
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the sender may try next (back-off after a failure).</summary>
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>A sender that claimed the message holds it until then; a crashed sender's claim lapses.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
}

/// <summary>An in-app notification: the bell in the header, linking to the thing itself.</summary>
public class Notification
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string UserId { get; set; } = "";
    public MessageKind Kind { get; set; }
    public Guid? CohortId { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }

    /// <summary>A site-relative address, e.g. <c>/cohorts/…/concerns/…</c>.</summary>
    public string Link { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }

    /// <summary>
    /// True until the person's next daily digest e-mail carries it (they chose a digest for its kind).
    /// </summary>
    public bool AwaitingDigest { get; set; }
}

/// <summary>A person's choice for one kind; no row means <see cref="EmailDelivery.Immediately"/>.</summary>
public class NotificationPreference
{
    public string UserId { get; set; } = "";
    public MessageKind Kind { get; set; }
    public EmailDelivery Delivery { get; set; }
}
