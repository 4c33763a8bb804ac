using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Record = Kindling.Domain.Attendance;

namespace Kindling.Web.Features.Attendance;

/// <summary>Who attended a cohort's sessions: every current member with their record of each session (recorded in the
/// live room, corrected by a facilitator).</summary>
public static class AttendanceSheet
{
    public sealed record Person(string UserId, string Name, CohortRole Role);

    public sealed record SessionInfo(Guid Id, DateTime StartsUtc, DateTime EndsUtc, string Title);

    /// <summary>One person's attendance of one session; <see cref="Record"/> is null when nothing was
    /// recorded.</summary>
    public sealed record Row(Person Person, Record? Record)
    {
        public bool Present => Record?.Present ?? false;
        public int Minutes => Record?.Minutes ?? 0;
        public AttendanceMark Mark => Record?.Mark ?? AttendanceMark.None;
    }

    /// <summary>Participants first, then observers and facilitators (shown apart), each by name.</summary>
    public static Task<List<Person>> MembersAsync(KindlingDb db, Guid cohortId) =>
        db
            .CohortMembers.Where(m => m.CohortId == cohortId)
            .OrderBy(m =>
                m.Role == CohortRole.Participant ? 0
                : m.Role == CohortRole.Observer ? 1
                : 2
            )
            .ThenBy(m => m.User!.DisplayName)
            .Select(m => new Person(m.UserId, m.User!.DisplayName, m.Role))
            .ToListAsync();

    public static async Task<SessionInfo?> SessionAsync(KindlingDb db, Guid cohortId, Guid sessionId) =>
        (await SessionsAsync(db, cohortId, sessionId)).FirstOrDefault();

    public static async Task<List<SessionInfo>> SessionsAsync(KindlingDb db, Guid cohortId, Guid? only = null)
    {
        var rows = await db
            .Sessions.Where(s => s.CohortId == cohortId && (only == null || s.Id == only))
            .OrderBy(s => s.StartsUtc)
            .Select(s => new
            {
                s.Id,
                s.StartsUtc,
                Minutes = s.PresentationMinutes + s.DiscussionMinutes,
                s.Lesson!.Title,
            })
            .ToListAsync();
        return rows.Select(s => new SessionInfo(s.Id, s.StartsUtc, s.StartsUtc.AddMinutes(s.Minutes), s.Title))
            .ToList();
    }

    public static async Task<List<Row>> ForSessionAsync(KindlingDb db, Guid cohortId, Guid sessionId)
    {
        var people = await MembersAsync(db, cohortId);
        var records = await db
            .Attendance.AsNoTracking()
            .Where(a => a.SessionId == sessionId)
            .ToDictionaryAsync(a => a.UserId, StringComparer.Ordinal);
        return people.Select(p => new Row(p, records.GetValueOrDefault(p.UserId))).ToList();
    }

    /// <summary>Every record of the cohort's sessions, by session and person.</summary>
    public static async Task<Dictionary<(Guid SessionId, string UserId), Record>> ForCohortAsync(
        KindlingDb db,
        Guid cohortId
    ) =>
        await db
            .Attendance.AsNoTracking()
            .Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.CohortId == cohortId))
            .ToDictionaryAsync(a => (a.SessionId, a.UserId));
}
