using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Attendance;

/// <summary>Attendance as CSV for facilitators: one session (a row per person), or the whole cohort (people ×
/// sessions). Times are in the reader's zone, named in the heading.</summary>
public static class AttendanceCsv
{
    public static void MapAttendance(this IEndpointRouteBuilder app)
    {
        var group = app.MapCohortGroup(CohortNeed.Facilitator);
        group
            .MapGet(
                "/sessions/{sessionId:guid}/attendance.csv",
                async (Guid sessionId, CurrentCohort cohort, KindlingDb db) =>
                {
                    if (await AttendanceSheet.SessionAsync(db, cohort.CohortId, sessionId) is not { } session)
                        return Results.NotFound();
                    var rows = await AttendanceSheet.ForSessionAsync(db, cohort.CohortId, sessionId);
                    var csv = ForSession(rows, await ZoneAsync(db, cohort));
                    return Results.File(
                        csv.ToBytes(),
                        Csv.ContentType,
                        $"attendance-{session.StartsUtc:yyyy-MM-dd}.csv"
                    );
                }
            )
            .RequireRateLimiting(RateLimits.Export);
        group
            .MapGet(
                "/attendance.csv",
                async (CurrentCohort cohort, KindlingDb db, TimeProvider clock) =>
                {
                    var id = cohort.CohortId;
                    var csv = ForCohort(
                        await AttendanceSheet.MembersAsync(db, id),
                        await AttendanceSheet.SessionsAsync(db, id),
                        await AttendanceSheet.ForCohortAsync(db, id),
                        clock.GetUtcNow().UtcDateTime
                    );
                    return Results.File(csv.ToBytes(), Csv.ContentType, "attendance.csv");
                }
            )
            .RequireRateLimiting(RateLimits.Export);
    }

    public static Csv ForSession(IReadOnlyList<AttendanceSheet.Row> rows, string zone)
    {
        var csv = new Csv().Row(
            "Name",
            "Role",
            "Attendance",
            $"First joined ({zone})",
            "Minutes",
            $"Roll call ({zone})",
            "Correction",
            "Note"
        );
        foreach (var r in rows)
            csv.Row(
                r.Person.Name,
                Role(r.Person.Role),
                r.Present ? "present" : "absent",
                Time(r.Record?.FirstJoinedUtc, zone),
                r.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Time(r.Record?.RollCallUtc, zone),
                r.Mark switch
                {
                    AttendanceMark.Present => "marked present",
                    AttendanceMark.Absent => "marked absent",
                    _ => "",
                },
                r.Record?.Note
            );
        return csv;
    }

    /// <summary>People × sessions: for each session "present" or "absent" and the minutes; empty for sessions that
    /// have not started yet.</summary>
    public static Csv ForCohort(
        IReadOnlyList<AttendanceSheet.Person> people,
        IReadOnlyList<AttendanceSheet.SessionInfo> sessions,
        IReadOnlyDictionary<(Guid, string), Domain.Attendance> records,
        DateTime now
    )
    {
        var heading = new List<string> { "Name", "Role", "Sessions present" };
        foreach (var s in sessions)
            heading.AddRange([$"{s.StartsUtc:yyyy-MM-dd} {s.Title}", $"{s.StartsUtc:yyyy-MM-dd} minutes"]);
        var csv = new Csv().Row(heading);
        var held = sessions.Where(s => s.StartsUtc <= now).Select(s => s.Id).ToHashSet();
        foreach (var p in people)
        {
            var cells = new List<string>();
            var present = 0;
            foreach (var s in sessions)
            {
                var record = records.GetValueOrDefault((s.Id, p.UserId));
                if (!held.Contains(s.Id) && record is null)
                {
                    cells.AddRange(["", ""]);
                    continue;
                }
                var here = record?.Present ?? false;
                present += here ? 1 : 0;
                cells.AddRange([here ? "present" : "absent", (record?.Minutes ?? 0).ToString("D", null)]);
            }
            csv.Row([p.Name, Role(p.Role), present.ToString("D", null), .. cells]);
        }
        return csv;
    }

    private static string Role(CohortRole role) => role.ToString().ToLowerInvariant();

    private static string Time(DateTime? utc, string zone) =>
        utc is { } t ? TimeZones.ToLocal(t, zone).ToString("yyyy-MM-dd HH:mm", null) : "";

    private static Task<string> ZoneAsync(KindlingDb db, CurrentCohort cohort) =>
        db.Users.Where(u => u.Id == cohort.Membership.Member.UserId).Select(u => u.TimeZoneId).FirstAsync();
}
