namespace Kindling.Web.Features.Overview;

/// <summary>The cohorts of one curriculum a facilitator runs, side by side, and its lessons across them.</summary>
public sealed record CurriculumOverview(
    Guid CurriculumId,
    string Title,
    IReadOnlyList<CohortSummary> Cohorts,
    IReadOnlyList<LessonSummary> Lessons
);

/// <summary>One cohort in a row: the same counts as its own overview, summed.</summary>
/// <param name="Present">People present, summed over the held sessions.</param>
/// <param name="Expected">Members times held sessions: what <see cref="Present"/> would be if everyone came.</param>
public sealed record CohortSummary(
    Guid Id,
    string Name,
    int People,
    int Sessions,
    int Held,
    int Present,
    int Expected,
    int Responses,
    int Ratings,
    double RatingSum,
    int Copies,
    int Shared,
    int OpenQuestions,
    int OpenConcerns
)
{
    public string Attendance => Expected == 0 ? "–" : $"{OverviewText.Percent(Present, Expected)}%";
    public string AverageRating => Ratings == 0 ? "–" : OverviewText.OneDecimal(RatingSum / Ratings);
}

/// <summary>A lesson as the cohorts that held it taught it: attendance and ratings summed over them.</summary>
public sealed record LessonSummary(
    string Title,
    int Order,
    int Cohorts,
    int Present,
    int Expected,
    int Ratings,
    double RatingSum
)
{
    public int? AttendancePercent => Expected == 0 ? null : OverviewText.Percent(Present, Expected);
    public double? AverageRating => Ratings == 0 ? null : RatingSum / Ratings;
}
