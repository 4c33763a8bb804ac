using System.Globalization;
using Kindling.Web.Infrastructure;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// The cohort overview as CSV: a table of people (attendance per session, assignment state per template), a table of
/// sessions (attendance, feedback counts, rating, open questions), the peer-feedback requests and the open concern
/// count, with a blank line between the tables. Counts and states only: no feedback text, no worksheet content.
/// </summary>
public static class OverviewCsv
{
    public static byte[] Write(CohortOverview o, string zone)
    {
        var csv = new Csv();
        csv.Row([
            "Person",
            "Role",
            .. o.Sessions.Select(s => $"{s.Tag} {s.LessonTitle} ({When(s.StartsUtc, zone)})"),
            "Sessions attended",
            .. o.Templates.Select(t => $"Assignment: {t.Title}"),
        ]);
        foreach (var p in o.People)
            csv.Row([
                p.Name,
                p.Role.ToString(),
                .. o.Sessions.Select(s => Attendance(o, p, s)),
                $"{o.Attendance.PresentCount(p)} of {o.Attendance.HeldCount}",
                .. o.Templates.Select(t => o.Progress.Of(p.UserId, t.Slug).Label),
            ]);
        csv.Blank()
            .Row([
                "Session",
                "Lesson",
                "Starts",
                "Held",
                "Present",
                "Members",
                "Feedback responses",
                .. SessionFeedbackSummary.Questions,
                "Ratings",
                "Average rating",
                "Open questions",
            ]);
        foreach (var s in o.Sessions)
        {
            var f = o.FeedbackOf(s.Id);
            csv.Row([
                s.Tag,
                s.LessonTitle,
                When(s.StartsUtc, zone),
                s.Held ? "yes" : "no",
                s.Held ? Num(o.Attendance.PresentCount(s)) : "",
                Num(o.People.Count),
                Num(f.Responses),
                .. SessionFeedbackSummary.Questions.Select(q => Num(f.Answered(q))),
                Num(f.Ratings),
                f.AverageRating is null ? "" : f.AverageText,
                Num(o.Questions.Count(q => q.SessionId == s.Id)),
            ]);
        }
        if (o.PeerRounds.Count > 0)
        {
            csv.Blank().Row("Peer feedback round", "Created", "Group", "Reviewer", "Worksheet of", "State");
            foreach (var r in o.PeerRounds)
            foreach (var q in r.Requests)
                csv.Row(r.TemplateTitle, When(r.CreatedUtc, zone), Num(q.Group), q.Reviewer, q.Owners, q.State);
        }
        return csv.Blank().Row("Open concern reports", Num(o.OpenConcerns)).ToBytes();
    }

    private static string Attendance(CohortOverview o, OverviewPerson p, OverviewSession s)
    {
        if (!s.Held)
            return "";
        var cell = o.Attendance.Cell(p.UserId, s.Id);
        var word = cell?.Present == true ? "present" : "absent";
        return cell?.Corrected == true ? word + " (corrected)" : word;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string When(DateTime utc, string zone) =>
        TimeZones.ToLocal(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
