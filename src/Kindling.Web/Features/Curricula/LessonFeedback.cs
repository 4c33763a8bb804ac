using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>One person's feedback on a session of the lesson: the texts and the rating, never who wrote it.</summary>
public sealed record FeedbackItem(
    Guid Id,
    int? Version,
    int? Rating,
    string Worked,
    string DidNotWork,
    string WouldChange,
    string Surprised,
    string Plus,
    string Delta,
    IReadOnlyList<int> AnsweredBy
)
{
    public IEnumerable<(string Label, string Text)> Answers =>
        new[]
        {
            ("What worked", Worked),
            ("What didn't work", DidNotWork),
            ("What would you change", WouldChange),
            ("What surprised you", Surprised),
            ("Plus", Plus),
            ("Delta", Delta),
        }.Where(a => a.Item2.Length > 0);
}

public sealed record QuestionItem(int? Version, string Text, string? Answer);

/// <summary>Feedback and questions on one version of the lesson (<see cref="Version"/> null: sessions not tied to a
/// version).</summary>
public sealed record VersionFeedback(
    int? Version,
    string Note,
    IReadOnlyList<FeedbackItem> Feedback,
    IReadOnlyList<QuestionItem> Questions
)
{
    public Summary Summary => Summary.Of(Feedback);
}

public sealed record Summary(int Responses, int Ratings, double? Average)
{
    public static Summary Of(IReadOnlyCollection<FeedbackItem> items)
    {
        var ratings = items.Where(f => f.Rating is not null).Select(f => f.Rating!.Value).ToList();
        return new(items.Count, ratings.Count, ratings.Count > 0 ? ratings.Average() : null);
    }

    public string Text =>
        $"{Responses} {(Responses == 1 ? "response" : "responses")}, "
        + (
            Average is { } a
                ? $"average rating {a:0.0} of 5 from {Ratings} {(Ratings == 1 ? "rating" : "ratings")}"
                : "no ratings"
        );
}

/// <summary>
/// The feedback and Q&amp;A of every session that taught a lesson, grouped by the lesson version the session taught,
/// with the editors' marks of which version answers which delta. Authors are never loaded: the texts stand alone.
/// </summary>
public sealed record LessonFeedback(IReadOnlyList<VersionFeedback> Versions)
{
    public IEnumerable<FeedbackItem> All => Versions.SelectMany(v => v.Feedback);

    /// <summary>"Did the change help?": the feedback that sessions on version <paramref name="number"/> and later
    /// received.</summary>
    public IReadOnlyList<FeedbackItem> Since(int number) => All.Where(f => f.Version >= number).ToList();

    public static async Task<LessonFeedback> LoadAsync(KindlingDb db, Guid lessonId)
    {
        var sessions = db.Sessions.Where(s => s.LessonId == lessonId);
        var rows = await db
            .SessionFeedback.AsNoTracking()
            .Join(
                sessions,
                f => f.SessionId,
                s => s.Id,
                (f, s) =>
                    new
                    {
                        f.Id,
                        Version = s.LessonVersion != null ? (int?)s.LessonVersion.Number : null,
                        f.Rating,
                        f.Worked,
                        f.DidNotWork,
                        f.WouldChange,
                        f.Surprised,
                        f.Plus,
                        f.Delta,
                        f.CreatedUtc,
                    }
            )
            .OrderBy(f => f.CreatedUtc)
            .ToListAsync();
        var answers = await db
            .LessonVersionAnswers.Join(
                db.LessonVersions.Where(v => v.LessonId == lessonId),
                a => a.LessonVersionId,
                v => v.Id,
                (a, v) => new { a.FeedbackId, v.Number }
            )
            .ToListAsync();
        var questions = await db
            .LiveQuestions.AsNoTracking()
            .Where(q => !q.Deleted)
            .Join(
                sessions,
                q => q.SessionId,
                s => s.Id,
                (q, s) =>
                    new
                    {
                        Version = s.LessonVersion != null ? (int?)s.LessonVersion.Number : null,
                        q.Text,
                        q.Answer,
                        q.CreatedUtc,
                    }
            )
            .OrderBy(q => q.CreatedUtc)
            .ToListAsync();
        var notes = await db
            .LessonVersions.Where(v => v.LessonId == lessonId)
            .Select(v => new { v.Number, v.Note })
            .ToDictionaryAsync(v => v.Number, v => v.Note);
        var items = rows.Select(f => new FeedbackItem(
                f.Id,
                f.Version,
                f.Rating,
                f.Worked,
                f.DidNotWork,
                f.WouldChange,
                f.Surprised,
                f.Plus,
                f.Delta,
                answers.Where(a => a.FeedbackId == f.Id).Select(a => a.Number).Order().ToList()
            ))
            .ToList();
        var groups = items
            .Select(f => f.Version)
            .Concat(questions.Select(q => q.Version))
            .Distinct()
            .OrderByDescending(v => v ?? 0)
            .Select(v => new VersionFeedback(
                v,
                v is { } n ? notes.GetValueOrDefault(n, "") : "",
                items.Where(f => f.Version == v).ToList(),
                questions.Where(q => q.Version == v).Select(q => new QuestionItem(v, q.Text, q.Answer)).ToList()
            ))
            .ToList();
        return new LessonFeedback(groups);
    }
}
