using Kindling.Web.Features.Overview;
using Kindling.Web.Kernel;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kindling.Web.Features.Api;

/// <summary>One answer of a feedback form: the question as the overview names it, and the text.</summary>
public sealed record FeedbackAnswer(string Question, string Text);

/// <summary><see cref="Author"/> is null when the feedback is anonymous to you (the cohort decides whether
/// facilitators see who wrote anonymous feedback).</summary>
public sealed record FeedbackEntryView(
    string? Author,
    bool Anonymous,
    int? Rating,
    IReadOnlyList<FeedbackAnswer> Answers
);

public sealed record SessionFeedbackView(
    Guid SessionId,
    string Lesson,
    DateTime StartsUtc,
    bool Held,
    int Responses,
    int Ratings,
    double? AverageRating,
    IReadOnlyList<FeedbackEntryView> Entries
);

/// <summary>The cohort's end-of-session feedback as the overview shows it to its facilitators.</summary>
public static class FeedbackApi
{
    public static void MapFeedbackApi(this RouteGroupBuilder facilitator) =>
        facilitator
            .MapGet("/feedback", GetAsync)
            .WithName("getFeedbackSummary")
            .WithSummary("Each session's feedback: counts, average rating and answers (facilitators)");

    private static async Task<Ok<List<SessionFeedbackView>>> GetAsync(CurrentCohort cohort, CohortOverviewQuery query)
    {
        var overview = await query.LoadAsync(cohort.Membership);
        return TypedResults.Ok(
            overview
                .Sessions.Select(s =>
                {
                    var f = overview.FeedbackOf(s.Id);
                    return new SessionFeedbackView(
                        s.Id,
                        s.LessonTitle,
                        s.StartsUtc,
                        s.Held,
                        f.Responses,
                        f.Ratings,
                        f.AverageRating,
                        f.Entries.Select(e => new FeedbackEntryView(
                                e.Name,
                                e.Anonymous,
                                e.Rating,
                                e.Answers.Select(a => new FeedbackAnswer(a.Label, a.Text)).ToList()
                            ))
                            .ToList()
                    );
                })
                .ToList()
        );
    }
}
