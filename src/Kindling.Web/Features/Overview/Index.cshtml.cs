using Kindling.Web.Features.Frameworks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// Every cohort the signed-in person facilitates, grouped by curriculum: a row per cohort and, per curriculum, its
/// lessons across the cohorts (attendance and ratings) as charts with tables beside them. Cohorts they do not
/// facilitate never appear, not even for an instance admin.
/// </summary>
public class IndexModel(CurriculumOverviewQuery query) : PageModel
{
    public sealed record Group(CurriculumOverview Curriculum, string AttendanceChart, string RatingsChart);

    public List<Group> Groups { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = CohortAccess.UserId(User);
        if (userId is null)
            return;
        Groups = (await query.LoadAsync(userId))
            .Select(
                (c, i) =>
                    new Group(
                        c,
                        SvgWriter.Write(Attendance(c), $"chart-{i}-attendance"),
                        SvgWriter.Write(Ratings(c), $"chart-{i}-ratings")
                    )
            )
            .ToList();
    }

    public static string LessonName(LessonSummary l) =>
        $"Lesson {l.Order} ({l.Title}, {OverviewText.Plural(l.Cohorts, "cohort", "cohorts")})";

    public static Diagram Attendance(CurriculumOverview c) =>
        BarChart.Build(
            "Attendance by lesson across cohorts",
            $"Share of members present at each lesson of {c.Title}, over the cohorts that have held it.",
            c.Lessons.Select(l => new ChartBar(
                    $"L{l.Order}",
                    LessonName(l),
                    l.AttendancePercent,
                    l.AttendancePercent is { } p ? $"{p}% present ({l.Present} of {l.Expected})" : "nobody expected"
                ))
                .ToList(),
            100
        );

    public static Diagram Ratings(CurriculumOverview c) =>
        BarChart.Build(
            "Average rating by lesson across cohorts",
            $"How useful people found each lesson of {c.Title}, on average from 1 to 5, over the cohorts.",
            c.Lessons.Select(l => new ChartBar(
                    $"L{l.Order}",
                    LessonName(l),
                    l.AverageRating,
                    l.AverageRating is { } a
                        ? $"{OverviewText.OneDecimal(a)} of 5 from "
                            + OverviewText.Plural(l.Ratings, "rating", "ratings")
                        : "no rating yet"
                ))
                .ToList(),
            5
        );
}
