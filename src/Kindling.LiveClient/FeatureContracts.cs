namespace Kindling.LiveClient;

// Contracts of the room's features beyond the document itself: Q&A, breakouts and participation balance.
// Hub methods (all answer an Ack unless noted):
//   Questions(Guid sessionId) -> QuestionList       Ask(AskQuestion)  Vote(VoteQuestion)
// AnswerQuestion(AnswerQuestion)
//   Breakouts(Guid sessionId) -> BreakoutState      StartBreakouts(StartBreakouts)  MoveToGroup(MoveToGroup)
// EndBreakouts(EndBreakouts)
//   Participation(Guid sessionId) -> ParticipationResult   (facilitators only)
//   SharedWorksheets(Guid sessionId) -> SharedWorksheetList  (also pushed to the session when the list changes)

public sealed record AskQuestion(Guid SessionId, string Text, bool Anonymous, string ClientKey);

/// <summary>Adds (Up) or withdraws the caller's vote; one vote per person per question.</summary>
public sealed record VoteQuestion(Guid SessionId, Guid QuestionId, bool Up, string ClientKey);

/// <summary>Facilitator: marks a question answered with a short answer note (may be edited by answering
/// again).</summary>
public sealed record AnswerQuestion(Guid SessionId, Guid QuestionId, string Answer, string ClientKey);

/// <summary>A question as this reader may see it: <see cref="AuthorName"/> is null when anonymous to them.</summary>
public sealed record QuestionView(
    Guid Id,
    string? AuthorName,
    bool Anonymous,
    bool Mine,
    string Text,
    int Votes,
    bool VotedByMe,
    DateTime CreatedUtc,
    DateTime? AnsweredUtc,
    string? Answer
);

public sealed record QuestionList(bool Ok, string? Error, IReadOnlyList<QuestionView> Questions);

/// <summary>Facilitator: split the participants into <see cref="Groups"/> groups. Mode: "random", "balanced" (by
/// <see cref="BalanceField"/>: "organisation", "title", "timezone" or "pronouns") or "self" (people choose).</summary>
public sealed record StartBreakouts(Guid SessionId, int Groups, string Mode, string? BalanceField, string ClientKey);

/// <summary>Moves a person to a group of the running round: yourself (UserId null; in "self" mode or to switch groups)
/// or, for a facilitator, anyone.</summary>
public sealed record MoveToGroup(Guid SessionId, Guid GroupId, string? UserId, string ClientKey);

/// <summary>Facilitator: ends the round; every group's notes stay in the main document as their own sections.</summary>
public sealed record EndBreakouts(Guid SessionId, string ClientKey);

public sealed record BreakoutMemberView(string UserId, string Name);

/// <summary>A group with its members and the ids of its notes sections (LiveSection rows with GroupId set).</summary>
public sealed record BreakoutGroupView(
    Guid Id,
    int Number,
    string Name,
    IReadOnlyList<BreakoutMemberView> Members,
    IReadOnlyList<Guid> SectionIds
);

/// <summary>The current (or last) round; <see cref="MyGroupId"/> is the reader's group.</summary>
public sealed record BreakoutState(
    bool Ok,
    string? Error,
    Guid? RoundId,
    string? Mode,
    bool Running,
    IReadOnlyList<BreakoutGroupView> Groups,
    Guid? MyGroupId
);

/// <summary>How much one person has contributed in this session; anonymous contributions are counted per person only
/// when the
/// cohort lets facilitators see anonymous authors, otherwise they are only in <see
/// cref="ParticipationResult.AnonymousContributions"/>.</summary>
public sealed record ParticipationRow(
    string UserId,
    string Name,
    string Role,
    bool Present,
    int Responses,
    int Questions,
    int Characters
);

public sealed record ParticipationResult(
    bool Ok,
    string? Error,
    IReadOnlyList<ParticipationRow> Rows,
    int AnonymousContributions
);

/// <summary>A worksheet a project of the cohort shared with everyone in it; <see cref="Url"/> is its address in
/// Kindling.</summary>
public sealed record SharedWorksheetView(Guid Id, string Title, string ProjectName, string Url, DateTime SharedUtc);

/// <summary>The cohort's shared worksheets, newest first, as listed in a session's "share your insights"
/// slot.</summary>
public sealed record SharedWorksheetList(bool Ok, string? Error, IReadOnlyList<SharedWorksheetView> Worksheets);

public static class FeatureEvents
{
    public const string QuestionAsked = "question.asked";
    public const string QuestionVoted = "question.voted";
    public const string QuestionAnswered = "question.answered";

    /// <summary>Data: the new BreakoutState as everyone sees it (MyGroupId null; find yourself in Members).</summary>
    public const string BreakoutsStarted = "breakouts.started";
    public const string BreakoutsMoved = "breakouts.moved";
    public const string BreakoutsEnded = "breakouts.ended";
    public const string FeedbackClosed = "feedback.closed";
}

public static class BreakoutModes
{
    public const string Random = "random",
        Balanced = "balanced",
        Self = "self";
}
