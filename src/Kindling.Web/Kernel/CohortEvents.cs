using Kindling.Data;

namespace Kindling.Web.Kernel;

/// <summary>The names of the events a cohort's webhooks can receive (docs/webhooks.md).</summary>
public static class CohortEventNames
{
    public const string SessionStarted = "session.started";
    public const string SessionEnded = "session.ended";
    public const string NotesPublished = "notes.published";
    public const string FeedbackGiven = "feedback.given";
    public const string WorksheetShared = "worksheet.shared";
    public const string CharterPublished = "charter.published";

    /// <summary>The test event, sent only by a facilitator's "Send a test event".</summary>
    public const string Ping = "ping";

    /// <summary>The events a webhook can choose, in the order the page lists them.</summary>
    public static readonly IReadOnlyList<string> Chosen =
    [
        SessionStarted,
        SessionEnded,
        NotesPublished,
        FeedbackGiven,
        WorksheetShared,
        CharterPublished,
    ];
}

/// <summary>
/// What features tell a cohort's webhooks. <see cref="AddAsync"/> only adds rows (one delivery per active webhook of
/// the cohort that takes the event) to the caller's context, like the e-mail outbox: the caller's SaveChanges, in the
/// caller's transaction, makes them durable with the change that caused them, and the webhooks feature (which
/// implements this, so the features that raise events need not know it) posts them after the commit.
/// </summary>
/// <remarks>
/// <c>data</c> goes to people outside Kindling: only what every member of the cohort may see (ids, titles, times and
/// links), never anyone's private text, name or answer.
/// </remarks>
public interface ICohortEvents
{
    Task AddAsync(KindlingDb db, Guid cohortId, string eventName, object data, CancellationToken ct = default);

    /// <summary>The absolute address of a path of this Kindling (Kindling:PublicUrl).</summary>
    string Link(string path);
}

/// <summary>A session as events describe it: what every member sees on the cohort page.</summary>
public sealed record EventSession(Guid Id, string Title, DateTime StartsUtc, string Url)
{
    public static EventSession Of(ICohortEvents events, Guid cohortId, Guid sessionId, string title, DateTime starts) =>
        new(sessionId, title, starts, events.Link($"/cohorts/{cohortId}/sessions/{sessionId}"));
}
