namespace Kindling.Domain;

public enum RecordingPolicy
{
    NoRecording = 0,
    PresentationMayBeRecorded = 1,
}

/// <summary>One scheduled meeting of a cohort that teaches one lesson.</summary>
public class Session
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CohortId { get; set; }
    public Cohort? Cohort { get; set; }
    public Guid LessonId { get; set; }
    public Lesson? Lesson { get; set; }

    /// <summary>The lesson version this session teaches (the cohort's pin when scheduled); fixed once the live
    /// document opens. Null only for rows made before versions existed, until start-up fills it in.</summary>
    public Guid? LessonVersionId { get; set; }
    public LessonVersion? LessonVersion { get; set; }
    public DateTime StartsUtc { get; set; }
    public int PresentationMinutes { get; set; } = 60;
    public int DiscussionMinutes { get; set; } = 30;
    public string? JoinUrl { get; set; }
    public RecordingPolicy Recording { get; set; }

    /// <summary>This session's slides, overriding the lesson's own <c>slides:</c> link; null means the
    /// lesson's.</summary>
    public string? SlidesUrl { get; set; }

    /// <summary>Where the notes of a held session live (until the live session document exists).</summary>
    public string? NotesUrl { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the day-before / hour-before reminders were written; cleared when the session moves.</summary>
    public DateTime? DayReminderUtc { get; set; }
    public DateTime? HourReminderUtc { get; set; }

    public DateTime EndsUtc => StartsUtc.AddMinutes(PresentationMinutes + DiscussionMinutes);

    /// <summary>
    /// The one rule for "this session was held" (attendance pages, the overview): it has started, or its live
    /// document was opened (a call held early; a facilitator can end a session before its start only then).
    /// </summary>
    public static bool Held(DateTime startsUtc, bool documentOpened, DateTime nowUtc) =>
        startsUtc <= nowUtc || documentOpened;
}

public class SetupToken
{
    public int Id { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}
