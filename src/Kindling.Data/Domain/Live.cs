using System.Linq.Expressions;

namespace Kindling.Domain;

/// <summary>
/// The live document of one session. <see cref="Seq"/> is the last sequence number handed out: every change to the
/// document takes the next one in the same transaction that stores it, so clients can catch up "since N".
/// </summary>
public class LiveDocument
{
    public Guid SessionId { get; set; }
    public long Seq { get; set; }
    public DateTime OpenedUtc { get; set; }
    public DateTime? LockedUtc { get; set; }
    public bool AllowAnonymous { get; set; } = true;
    public DateTime? FeedbackClosedUtc { get; set; }

    /// <summary>Index of the current agenda section for the run-of-show.</summary>
    public int CurrentSection { get; set; }

    /// <summary>When the running timer ends; null when no timer runs.</summary>
    public DateTime? TimerEndsUtc { get; set; }

    /// <summary>Remaining time of a paused timer.</summary>
    public long? TimerPausedMs { get; set; }
    public long TimerDurationMs { get; set; }
}

public class LiveSection
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SessionId { get; set; }
    public int Position { get; set; }

    /// <summary>The agenda item (lesson activity) this prompt belongs to; the run-of-show moves between
    /// these.</summary>
    public int ActivityIndex { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Prompt { get; set; } = "";
    public int Minutes { get; set; }
    public bool Recordable { get; set; }

    /// <summary>Silent mode: responses are seen only by their author until <see cref="RevealedUtc"/>.</summary>
    public bool Silent { get; set; }
    public DateTime? RevealedUtc { get; set; }

    /// <summary>
    /// A silent round not revealed yet: its responses are seen by their authors alone (not even moderated, not
    /// exported). The rule, once, as an expression EF Core translates; <see cref="AwaitingReveal"/> in memory and
    /// <see cref="LiveSectionQueries.AwaitingReveal"/> in queries both use it.
    /// </summary>
    public static readonly Expression<Func<LiveSection, bool>> IsAwaitingReveal = s =>
        s.Silent && s.RevealedUtc == null;
    private static readonly Func<LiveSection, bool> AwaitingRevealNow = IsAwaitingReveal.Compile();

    /// <summary><see cref="IsAwaitingReveal"/> of this section (not mapped).</summary>
    public bool AwaitingReveal => AwaitingRevealNow(this);

    /// <summary>Set on a breakout group's notes section: during the round only that group (and facilitators) write in
    /// it.</summary>
    public Guid? GroupId { get; set; }
}

public static class LiveSectionQueries
{
    /// <summary>Sections whose silent round is not revealed yet (<see cref="LiveSection.IsAwaitingReveal"/>).</summary>
    public static IQueryable<LiveSection> AwaitingReveal(this IQueryable<LiveSection> sections) =>
        sections.Where(LiveSection.IsAwaitingReveal);
}

public class LiveResponse
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SessionId { get; set; }
    public Guid SectionId { get; set; }
    public string AuthorId { get; set; } = "";
    public bool Anonymous { get; set; }
    public string Text { get; set; } = "";
    public bool Hidden { get; set; }
    public bool Pinned { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public bool Deleted { get; set; }
}

/// <summary>One committed change, kept so a client can replay what it missed. Audience limits who may receive
/// it.</summary>
public class LiveEvent
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public long Seq { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";

    /// <summary>Null: every member. Otherwise the one user id allowed to see it (e.g. a silent response).</summary>
    public string? AudienceUserId { get; set; }
    public string ActorId { get; set; } = "";
    public string? ClientKey { get; set; }

    /// <summary>The entity the change created or touched, returned again when a client retries the same
    /// change.</summary>
    public Guid? EntityId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>One breakout round: participants split into groups, each writing its own notes under the breakout
/// prompts.</summary>
public class BreakoutRound
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SessionId { get; set; }

    /// <summary>"random", "balanced" (by <see cref="BalanceField"/>) or "self" (people choose).</summary>
    public string Mode { get; set; } = "random";
    public string? BalanceField { get; set; }
    public DateTime StartedUtc { get; set; }

    /// <summary>When the round ended; the groups' notes stay in the document as their own sections.</summary>
    public DateTime? EndedUtc { get; set; }
    public List<BreakoutGroup> Groups { get; set; } = [];
}

public class BreakoutGroup
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid RoundId { get; set; }
    public Guid SessionId { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>Who is in which group of a round (one group per person per round).</summary>
public class BreakoutMember
{
    public Guid RoundId { get; set; }
    public string UserId { get; set; } = "";
    public Guid GroupId { get; set; }
    public DateTime AssignedUtc { get; set; }
}

/// <summary>A question for the Q&amp;A; it stays open (also after the call) until a facilitator answers it.</summary>
public class LiveQuestion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SessionId { get; set; }
    public string AuthorId { get; set; } = "";
    public bool Anonymous { get; set; }
    public string Text { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? AnsweredUtc { get; set; }
    public string? AnsweredById { get; set; }
    public string? Answer { get; set; }
    public bool Deleted { get; set; }
    public int Votes { get; set; }
}

public class LiveQuestionVote
{
    public Guid QuestionId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

/// <summary>One person's end-of-session feedback; editable until the facilitator closes feedback.</summary>
public class SessionFeedback
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid SessionId { get; set; }
    public string AuthorId { get; set; } = "";
    public bool Anonymous { get; set; }
    public string Worked { get; set; } = "";
    public string DidNotWork { get; set; } = "";
    public string WouldChange { get; set; } = "";
    public string Surprised { get; set; } = "";
    public string Plus { get; set; } = "";
    public string Delta { get; set; } = "";

    /// <summary>How useful the session was, 1 (not at all) to 5 (very); optional.</summary>
    public int? Rating { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
