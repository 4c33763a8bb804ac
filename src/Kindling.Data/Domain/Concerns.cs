namespace Kindling.Domain;

public enum ConcernStatus
{
    New = 0,
    Acknowledged = 1,
    InProgress = 2,
    Resolved = 3,
    Closed = 4,
}

/// <summary>Who reads a report: the cohort's facilitators, one of them, or the instance's safety contacts.</summary>
public enum ConcernAudience
{
    Facilitators = 0,
    OneFacilitator = 1,
    SafetyContacts = 2,
}

/// <summary>
/// A concern a member raised privately. When it is anonymous nothing about the reporter is stored: no account, no
/// address, and times rounded to the hour; the reporter follows it through a receipt link whose hash is kept here.
/// </summary>
public class ConcernReport
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CohortId { get; set; }
    public Guid? SessionId { get; set; }

    /// <summary>The reporter's account for a named report; always null for an anonymous one.</summary>
    public string? ReporterId { get; set; }
    public bool Anonymous { get; set; }
    public ConcernAudience Audience { get; set; }

    /// <summary>
    /// The facilitator chosen when <see cref="Audience"/> is <see cref="ConcernAudience.OneFacilitator"/>.
    /// </summary>
    public string? AudienceUserId { get; set; }
    public string What { get; set; } = "";
    public string? PeopleInvolved { get; set; }
    public ConcernStatus Status { get; set; }
    public DateTime FiledUtc { get; set; }

    /// <summary>When it was last resolved or closed; retention counts from here. Null while open.</summary>
    public DateTime? ClosedUtc { get; set; }

    /// <summary>SHA-256 (hex) of the receipt token; the token itself is shown to the reporter once.</summary>
    public string ReceiptHash { get; set; } = "";
    public List<ConcernEvent> Events { get; set; } = [];
}

public enum ConcernEventKind
{
    Filed = 0,
    StatusChanged = 1,

    /// <summary>A note among the readers; the reporter never sees it.</summary>
    Note = 2,

    /// <summary>A reply to the reporter (by e-mail for a named report, on the receipt page for both).</summary>
    Reply = 3,

    /// <summary>The reporter added to the report.</summary>
    ReporterAdded = 4,
    Exported = 5,
}

/// <summary>One line of a report's audit trail. Append-only: no page or endpoint changes or removes one.</summary>
public class ConcernEvent
{
    public long Id { get; set; }
    public Guid ReportId { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The account that acted; null for the reporter of an anonymous report.</summary>
    public string? ActorId { get; set; }

    /// <summary>The actor's name as it was then ("The reporter" for an anonymous one).</summary>
    public string ActorName { get; set; } = "";
    public ConcernEventKind Kind { get; set; }
    public ConcernStatus? FromStatus { get; set; }
    public ConcernStatus? ToStatus { get; set; }
    public string? Text { get; set; }
}
