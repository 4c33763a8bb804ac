using System.Text.Json;

namespace Kindling.LiveClient;

/// <summary>What the server pushes to everyone in a live session.</summary>
public interface ISessionClient
{
    /// <summary>A committed change. Sequence numbers have no gaps per session: a private change reaches others as type
    /// "private".</summary>
    Task Event(LiveEvent e);

    /// <summary>Who is connected now: the whole list, sent to a client when it joins (and, with several instances, on
    /// every change).</summary>
    Task Presence(IReadOnlyList<PresentMember> members);

    /// <summary>Who arrived and who left since the previous presence message; apply it to the list already held (<see
    /// cref="PresenceDelta.Apply"/>).</summary>
    Task PresenceChanged(PresenceDelta delta);

    /// <summary>Several committed changes in one message, in sequence order: each is handled exactly as if it came
    /// through <see cref="Event"/>.</summary>
    Task Events(IReadOnlyList<LiveEvent> events);

    /// <summary>
    /// The session's document has just opened (a facilitator opened it, or its opening time came): a client whose join
    /// was refused because it was not open yet joins again now.
    /// </summary>
    Task Opened(Guid sessionId);

    /// <summary>The cohort's shared worksheets changed (one was shared or made private): the whole list, for the "share
    /// your insights" slot.</summary>
    Task SharedWorksheets(SharedWorksheetList list);
}

/// <summary>A committed change with its per-session sequence number and the server's clock at sending.</summary>
public sealed record LiveEvent(long Seq, string Type, JsonElement Data, DateTime ServerNowUtc);

public sealed record PresentMember(string UserId, string Name, string Role);

/// <summary>A change of who is here: people who arrived (or whose name or role changed) and the user ids of people who
/// left.</summary>
public sealed record PresenceDelta(IReadOnlyList<PresentMember> Joined, IReadOnlyList<string> Left)
{
    /// <summary>The list after this change, ordered by name as the server orders the whole list.</summary>
    public IReadOnlyList<PresentMember> Apply(IReadOnlyList<PresentMember> before)
    {
        var left = Left.ToHashSet();
        var joined = Joined.Select(m => m.UserId).ToHashSet();
        return before
            .Where(m => !left.Contains(m.UserId) && !joined.Contains(m.UserId))
            .Concat(Joined)
            .OrderBy(m => m.Name)
            .ToList();
    }
}

/// <summary>The answer to every command: the sequence number it was committed with, or a sentence saying why
/// not.</summary>
public sealed record Ack(bool Ok, long Seq, Guid? Id, string? Error)
{
    public static Ack Fail(string error) => new(false, 0, null, error);
}

/// <summary>On joining: either the whole document (first join, or too far behind) or just the events since the client's
/// last sequence number.</summary>
public sealed record JoinResult(
    bool Ok,
    string? Error,
    Snapshot? Snapshot,
    IReadOnlyList<LiveEvent> Events,
    DateTime ServerNowUtc
);

public sealed record Snapshot(
    Guid SessionId,
    long Seq,
    string Title,
    string Role,
    bool Locked,
    bool AllowAnonymous,
    int CurrentActivity,
    TimerState Timer,
    IReadOnlyList<SectionView> Sections,
    IReadOnlyList<ResponseView> Responses
);

public sealed record SectionView(
    Guid Id,
    int Position,
    int ActivityIndex,
    string Kind,
    string Title,
    string Prompt,
    int Minutes,
    bool Recordable,
    bool Silent,
    bool Revealed
);

/// <summary>A response as this reader may see it: <see cref="AuthorName"/> is null when anonymous to them.</summary>
public sealed record ResponseView(
    Guid Id,
    Guid SectionId,
    string? AuthorName,
    bool Anonymous,
    bool Mine,
    string Text,
    bool Hidden,
    bool Pinned,
    DateTime CreatedUtc,
    DateTime UpdatedUtc
);

/// <summary>The shared timer as absolute instants: clients compute remaining time from EndsUtc and their clock
/// offset.</summary>
public sealed record TimerState(
    int ActivityIndex,
    DateTime? EndsUtc,
    long? PausedRemainingMs,
    long DurationMs,
    bool Recording
);

public static class EventTypes
{
    public const string ResponseAdded = "response.added";
    public const string ResponseUpdated = "response.updated";
    public const string ResponseDeleted = "response.deleted";
    public const string ResponseModerated = "response.moderated";
    public const string SectionAdded = "section.added";
    public const string SectionMoved = "section.moved";
    public const string SectionSilent = "section.silent";
    public const string SectionRevealed = "section.revealed";
    public const string Timer = "timer";
    public const string Locked = "document.locked";

    /// <summary>A change only one person may see (e.g. their silent response); others get this placeholder to keep the
    /// sequence whole.</summary>
    public const string Private = "private";
}
