using Kindling.Web.Features.LiveSession;

namespace Kindling.Web.Features.Overview;

/// <summary>One person's feedback on a session as the overview shows it.</summary>
/// <param name="Name">The author as this facilitator may see them (<see cref="AnonymousAuthors"/>); null when
/// anonymous to them.</param>
/// <param name="PublicName">The author as exports name them: null whenever the feedback was sent anonymously.</param>
public sealed record FeedbackEntry(
    string? Name,
    string? PublicName,
    bool Anonymous,
    int? Rating,
    IReadOnlyList<(string Label, string Text)> Answers
);

/// <summary>A session's feedback: how many answered each question, the average rating and the texts.</summary>
public sealed record SessionFeedbackSummary(Guid SessionId, IReadOnlyList<FeedbackEntry> Entries)
{
    /// <summary>The questions of the feedback form, in its order, with the words the overview uses for them.</summary>
    public static readonly IReadOnlyList<string> Questions =
    [
        "Worked",
        "Didn't work",
        "Would change",
        "Surprised",
        "Plus",
        "Delta",
    ];

    public static SessionFeedbackSummary None(Guid sessionId) => new(sessionId, []);

    public int Responses => Entries.Count;

    /// <summary>How many answered the question (by its label in <see cref="Questions"/>).</summary>
    public int Answered(string question) => Entries.Count(e => e.Answers.Any(a => a.Label == question));

    public int Ratings => Entries.Count(e => e.Rating is not null);

    public double? AverageRating =>
        Ratings == 0 ? null : Entries.Where(e => e.Rating is not null).Average(e => (double)e.Rating!.Value);

    public string AverageText => AverageRating is { } a ? OverviewText.OneDecimal(a) : "–";

    /// <summary>The entry's answers from the stored feedback, the empty ones left out.</summary>
    public static IReadOnlyList<(string Label, string Text)> AnswersOf(params string[] texts) =>
        Questions.Zip(texts, (label, text) => (label, text.Trim())).Where(a => a.Item2.Length > 0).ToList();
}

/// <summary>An unanswered question of the cohort's Q&amp;A.</summary>
/// <param name="AuthorName">Null when anonymous to this facilitator.</param>
public sealed record OpenQuestion(
    Guid SessionId,
    int SessionNumber,
    string LessonTitle,
    string Text,
    int Votes,
    string? AuthorName,
    string? PublicName,
    DateTime CreatedUtc
);

/// <summary>A peer-feedback round of the cohort and where each of its requests stands.</summary>
public sealed record PeerRoundView(
    Guid Id,
    string TemplateTitle,
    DateTime CreatedUtc,
    DateTime? DueUtc,
    IReadOnlyList<PeerRequestView> Requests
)
{
    public int Given => Requests.Count(r => r.Given);
    public int Resolved => Requests.Count(r => r.Resolved);
}

/// <summary>
/// One request: <see cref="Reviewer"/> gives feedback on the worksheet of <see cref="Owners"/>' project. The worksheet
/// is named by its owners only; <see cref="Link"/> is set only while it is shared in this cohort.
/// </summary>
public sealed record PeerRequestView(
    int Group,
    string Reviewer,
    string Owners,
    string? Link,
    bool Given,
    bool Resolved,
    int Comments,
    int OpenComments
)
{
    public string State =>
        Resolved ? "Resolved"
        : Given ? $"Feedback given, {OpenComments} open"
        : "Waiting for feedback";
}
