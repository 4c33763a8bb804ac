namespace Kindling.Domain;

/// <summary>
/// What happened after a session's call: when it was ended (by a facilitator, or automatically a set time after the
/// scheduled end), the notes published, and the one "after the session" message, drafted from the document and
/// editable by a facilitator before it goes out.
/// </summary>
public class SessionWrapUp
{
    public Guid SessionId { get; set; }
    public DateTime EndedUtc { get; set; }

    /// <summary>The facilitator who ended it; null when it ended automatically.</summary>
    public string? EndedById { get; set; }

    /// <summary>When the notes became a read-only page for the cohort.</summary>
    public DateTime? NotesPublishedUtc { get; set; }

    /// <summary>The message's subject and Markdown body; a facilitator may edit them until the message is
    /// sent.</summary>
    public string MessageSubject { get; set; } = "";
    public string MessageMarkdown { get; set; } = "";
    public DateTime? MessageEditedUtc { get; set; }
    public string? MessageEditedById { get; set; }

    /// <summary>When the message was written to the outbox (once: a conditional update makes one sender
    /// win).</summary>
    public DateTime? MessageSentUtc { get; set; }

    /// <summary>The facilitator who sent it; null when it went automatically.</summary>
    public string? MessageSentById { get; set; }

    /// <summary>A link to the recording of the presentation part (the recording policy allows no more).</summary>
    public string? RecordingUrl { get; set; }

    /// <summary>A link to the slides used.</summary>
    public string? SlidesUrl { get; set; }

    /// <summary>When absent members were pointed to the recording (once).</summary>
    public DateTime? RecordingNoticeSentUtc { get; set; }
}

public enum AttendanceMark
{
    /// <summary>No correction: presence and roll call decide.</summary>
    None = 0,
    Present = 1,
    Absent = 2,
}

/// <summary>
/// One person's attendance of one session, from the live room: first join, minutes connected (counted once per minute
/// of the session across every instance, see <see cref="LastMinute"/>), the roll call, and a facilitator's
/// correction.
/// </summary>
public class Attendance
{
    public Guid SessionId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime? FirstJoinedUtc { get; set; }
    public DateTime? LastSeenUtc { get; set; }
    public int Minutes { get; set; }

    /// <summary>The last minute (since the session's scheduled start, may be negative before it) already counted:
    /// an instance adds a minute only where this is lower, so two instances holding the same person count it
    /// once.</summary>
    public int LastMinute { get; set; } = int.MinValue;

    /// <summary>When the person answered the roll call.</summary>
    public DateTime? RollCallUtc { get; set; }
    public AttendanceMark Mark { get; set; }

    /// <summary>Why it was corrected, e.g. "joined by phone".</summary>
    public string? Note { get; set; }
    public string? CorrectedById { get; set; }
    public DateTime? CorrectedUtc { get; set; }

    public bool Present =>
        Mark switch
        {
            AttendanceMark.Present => true,
            AttendanceMark.Absent => false,
            _ => FirstJoinedUtc is not null || RollCallUtc is not null,
        };
}

/// <summary>A facilitator's arrangement of peer feedback: who reviews whose shared worksheet.</summary>
public class PeerRound
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The cohort the facilitator arranged it from.</summary>
    public Guid CohortId { get; set; }

    /// <summary>The template whose shared worksheets are exchanged.</summary>
    public string TemplateSlug { get; set; } = "";

    /// <summary>"hand", "random" or "balanced" (by <see cref="BalanceField"/>).</summary>
    public string Mode { get; set; } = "random";
    public string? BalanceField { get; set; }
    public int GroupSize { get; set; } = 2;

    /// <summary>People of other cohorts of the same curriculum who opted in were included.</summary>
    public bool AcrossCohorts { get; set; }

    /// <summary>Feedback is due by then (usually the cohort's next session); the reminder goes before it.</summary>
    public DateTime? DueUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string CreatedById { get; set; } = "";
}

/// <summary>One request in a round: <see cref="ReviewerId"/> gives feedback on <see cref="WorksheetId"/>.</summary>
public class PeerReview
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RoundId { get; set; }
    public int GroupNumber { get; set; }
    public string ReviewerId { get; set; } = "";
    public Guid WorksheetId { get; set; }
    public DateTime RequestedUtc { get; set; }

    /// <summary>When the reminder before the due time was written; null until then.</summary>
    public DateTime? ReminderUtc { get; set; }
}

/// <summary>Every saved state of a lesson; <see cref="Lesson.Source"/> is a copy of the newest.</summary>
public class LessonVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LessonId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Source { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>Who saved it; null for the built-in files and start-up sync.</summary>
    public string? CreatedById { get; set; }

    /// <summary>"import", "edit", "restore" or "built-in" (the shipped files changed).</summary>
    public string Origin { get; set; } = "edit";
    public int? RestoredFrom { get; set; }

    /// <summary>The editor's short note on what changed and why.</summary>
    public string Note { get; set; } = "";
}

/// <summary>An editor's mark that a lesson version answers one piece of feedback (a "delta").</summary>
public class LessonVersionAnswer
{
    public Guid LessonVersionId { get; set; }
    public Guid FeedbackId { get; set; }
    public DateTime MarkedUtc { get; set; }
    public string MarkedById { get; set; } = "";
}

/// <summary>The version of a lesson a cohort teaches; new sessions of the cohort take it.</summary>
public class CohortLessonPin
{
    public Guid CohortId { get; set; }
    public Guid LessonId { get; set; }
    public Guid LessonVersionId { get; set; }
    public DateTime PinnedUtc { get; set; }
}
