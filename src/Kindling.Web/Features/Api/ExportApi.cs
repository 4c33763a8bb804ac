using System.Globalization;
using Kindling.Data;
using Kindling.Web.Infrastructure;
using Kindling.Web.Kernel;

namespace Kindling.Web.Features.Api;

/// <summary>
/// The facilitators' exports, each as CSV for a spreadsheet or JSON for a program: <c>…/exports/members.csv</c>,
/// <c>attendance.json</c> and so on. Times are UTC (ISO 8601) in both, so a program and a spreadsheet read the same
/// instant.
/// </summary>
public static class ExportApi
{
    public static void MapExportApi(this RouteGroupBuilder facilitator)
    {
        var exports = facilitator.MapGroup("/exports").RequireRateLimiting(RateLimits.Export);
        exports
            .MapGet(
                "/members.{format}",
                async (string format, CurrentCohort c, KindlingDb db) =>
                    Answer(format, "members", await CohortExports.MembersAsync(db, c.CohortId), MembersCsv)
            )
            .WithName("exportMembers")
            .WithSummary("The cohort's members, format csv or json (facilitators)")
            .Produces<List<MemberRow>>(200);
        exports
            .MapGet(
                "/attendance.{format}",
                async (string format, CurrentCohort c, KindlingDb db, TimeProvider clock) =>
                    Answer(
                        format,
                        "attendance",
                        await CohortExports.AttendanceAsync(db, c.CohortId, clock.GetUtcNow().UtcDateTime),
                        AttendanceCsv
                    )
            )
            .WithName("exportAttendance")
            .WithSummary("Attendance, one row per person and session, format csv or json (facilitators)")
            .Produces<List<AttendanceRow>>(200);
        exports
            .MapGet(
                "/feedback.{format}",
                async (string format, CurrentCohort c, KindlingDb db) =>
                    Answer(format, "feedback", await CohortExports.FeedbackAsync(db, c.CohortId), FeedbackCsv)
            )
            .WithName("exportFeedback")
            .WithSummary("End-of-session feedback, format csv or json; anonymous feedback has no author (facilitators)")
            .Produces<List<FeedbackRow>>(200);
        exports
            .MapGet(
                "/questions.{format}",
                async (string format, CurrentCohort c, KindlingDb db) =>
                    Answer(format, "questions", await CohortExports.QuestionsAsync(db, c.CohortId), QuestionsCsv)
            )
            .WithName("exportQuestions")
            .WithSummary("Every session's Q&A, format csv or json; anonymous questions have no author (facilitators)")
            .Produces<List<QuestionRow>>(200);
    }

    private static IResult Answer<T>(string format, string name, List<T> rows, Func<List<T>, Csv> csv) =>
        format switch
        {
            "json" => TypedResults.Ok(rows),
            "csv" => TypedResults.File(csv(rows).ToBytes(), Csv.ContentType, $"{name}.csv"),
            _ => ApiProblems.NotFound($"Exports come as {name}.csv or {name}.json."),
        };

    private static string Utc(DateTime? t) =>
        t is { } v ? v.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "";

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static Csv MembersCsv(List<MemberRow> rows)
    {
        var csv = new Csv().Row("Name", "Pronouns", "E-mail", "Role", "Joined (UTC)", "Accepted guidelines (UTC)");
        foreach (var r in rows)
            csv.Row(r.Name, r.Pronouns, r.Email, r.Role, Utc(r.JoinedUtc), Utc(r.AcknowledgedUtc));
        return csv;
    }

    private static Csv AttendanceCsv(List<AttendanceRow> rows)
    {
        var csv = new Csv().Row("Name", "Role", "Session starts (UTC)", "Lesson", "Attendance", "Minutes");
        foreach (var r in rows)
            csv.Row(
                r.Name,
                r.Role,
                Utc(r.StartsUtc),
                r.Lesson,
                r.Present switch
                {
                    true => "present",
                    false => "absent",
                    null => "",
                },
                r.Present is null ? "" : Num(r.Minutes)
            );
        return csv;
    }

    private static Csv FeedbackCsv(List<FeedbackRow> rows)
    {
        var csv = new Csv().Row(
            "Session starts (UTC)",
            "Lesson",
            "Author",
            "Rating (1-5)",
            "Worked",
            "Didn't work",
            "Would change",
            "Surprised",
            "Plus",
            "Delta"
        );
        foreach (var r in rows)
            csv.Row(
                Utc(r.StartsUtc),
                r.Lesson,
                r.Author ?? "anonymous",
                Num(r.Rating),
                r.Worked,
                r.DidNotWork,
                r.WouldChange,
                r.Surprised,
                r.Plus,
                r.Delta
            );
        return csv;
    }

    private static Csv QuestionsCsv(List<QuestionRow> rows)
    {
        var csv = new Csv().Row(
            "Session starts (UTC)",
            "Lesson",
            "Asked by",
            "Question",
            "Votes",
            "Asked (UTC)",
            "Answered (UTC)",
            "Answer"
        );
        foreach (var r in rows)
            csv.Row(
                Utc(r.StartsUtc),
                r.Lesson,
                r.Author ?? "anonymous",
                r.Text,
                Num(r.Votes),
                Utc(r.AskedUtc),
                Utc(r.AnsweredUtc),
                r.Answer
            );
        return csv;
    }
}
