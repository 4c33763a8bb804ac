using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Overview;

/// <summary>The cohort overview's pictures, over the sessions held so far: attendance, feedback responses and the
/// average rating. Each is also a table on the page.</summary>
public static class OverviewCharts
{
    public static string Name(OverviewSession s) => $"Session {s.Number} ({s.LessonTitle})";

    public static Diagram Attendance(CohortOverview o)
    {
        var people = o.People.Count;
        var bars = o
            .Held.Select(s =>
            {
                var present = o.Attendance.PresentCount(s);
                return new ChartBar(s.Tag, Name(s), present, $"{OverviewText.OutOf(present, people)} present");
            })
            .ToList();
        return BarChart.Build(
            "Attendance over sessions",
            $"People present at each session held so far, out of {OverviewText.Plural(people, "member", "members")}.",
            bars,
            people
        );
    }

    public static Diagram Responses(CohortOverview o)
    {
        var bars = o
            .Held.Select(s =>
            {
                var n = o.FeedbackOf(s.Id).Responses;
                return new ChartBar(s.Tag, Name(s), n, OverviewText.Plural(n, "response", "responses"));
            })
            .ToList();
        return BarChart.Build(
            "Feedback responses over sessions",
            "How many people gave feedback on each session held so far.",
            bars,
            Math.Max(o.People.Count, bars.Select(b => b.Value ?? 0).DefaultIfEmpty(0).Max())
        );
    }

    public static Diagram Ratings(CohortOverview o)
    {
        var bars = o
            .Held.Select(s =>
            {
                var f = o.FeedbackOf(s.Id);
                return new ChartBar(
                    s.Tag,
                    Name(s),
                    f.AverageRating,
                    f.AverageRating is null
                        ? "no rating yet"
                        : $"{f.AverageText} of 5 from {OverviewText.Plural(f.Ratings, "rating", "ratings")}"
                );
            })
            .ToList();
        return BarChart.Build(
            "Average rating over sessions",
            "How useful people found each session held so far, on average, from 1 to 5.",
            bars,
            5
        );
    }
}
