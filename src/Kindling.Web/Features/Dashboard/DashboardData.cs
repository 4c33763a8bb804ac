using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets.Sharing;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Dashboard;

/// <summary>
/// What the dashboard reads from the database for one person: nothing here depends on the time now, so it can be kept
/// until one of its tables is written (ReadCache); the page works out what is next and due from it.
/// </summary>
public sealed record DashboardData(
    string Name,
    string Zone,
    List<IndexModel.CohortRow> Cohorts,
    List<DashboardData.SessionItem> Sessions,
    List<DashboardData.MyWorksheet> Worksheets,
    List<DashboardData.MyProject> Projects,
    Dictionary<Guid, int> OpenCommentCounts,
    List<DashboardData.Ask> Asks
)
{
    /// <summary>A session with its lesson's key, not its text: the parsed lessons come from the cache.</summary>
    public sealed record SessionItem(
        Guid Id,
        Guid CohortId,
        string CohortName,
        DateTime StartsUtc,
        DateTime EndsUtc,
        string? JoinUrl,
        string LessonSlug,
        LessonKey Lesson
    );

    public sealed record MyWorksheet(Guid Id, Guid CohortId, string LessonSlug, string Title, int Version, bool Shared);

    public sealed record MyProject(
        Guid Id,
        Guid CohortId,
        string Name,
        DateTime CreatedUtc,
        DateTime? LastReviewedUtc,
        int ReviewIntervalMonths
    );

    /// <summary>A worksheet someone asked me to give feedback on.</summary>
    public sealed record Ask(Guid Id, string Title, Guid CohortId);

    private static readonly System.Linq.Expressions.Expression<Func<Session, SessionItem>> SessionRow =
        s => new SessionItem(
            s.Id,
            s.CohortId,
            s.Cohort!.Name,
            s.StartsUtc,
            s.StartsUtc.AddMinutes(s.PresentationMinutes + s.DiscussionMinutes),
            s.JoinUrl,
            s.Lesson!.Slug,
            new LessonKey(
                s.LessonId,
                s.Lesson.UpdatedUtc,
                s.LessonVersionId,
                s.LessonVersionId == null ? null : s.LessonVersion!.CreatedUtc
            )
        );

    /// <returns>Null when the person no longer exists.</returns>
    public static async Task<DashboardData?> LoadAsync(KindlingDb db, string userId)
    {
        var me = await db
            .Users.Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.TimeZoneId })
            .FirstOrDefaultAsync();
        if (me is null)
            return null;
        var cohorts = await db
            .CohortMembers.Where(m => m.UserId == userId)
            .OrderBy(m => m.JoinedUtc)
            .Select(m => new IndexModel.CohortRow(
                m.CohortId,
                db.Cohorts.First(c => c.Id == m.CohortId).Name,
                m.Role,
                db.Sessions.Count(s => s.CohortId == m.CohortId)
            ))
            .ToListAsync();
        var ids = cohorts.Select(c => c.Id).ToList();
        var sessions = await db
            .Sessions.Where(s => ids.Contains(s.CohortId))
            .OrderBy(s => s.StartsUtc)
            .Select(SessionRow)
            .ToListAsync();
        // The worksheets of the projects I manage in these cohorts.
        var worksheets = await db
            .Worksheets.Where(w =>
                ids.Contains(w.CohortId) && db.ProjectMembers.Any(m => m.ProjectId == w.ProjectId && m.UserId == userId)
            )
            .OrderBy(w => w.CreatedUtc)
            .Select(w => new MyWorksheet(w.Id, w.CohortId, w.LessonSlug, w.Title, w.Version, w.SharedUtc != null))
            .ToListAsync();
        var projects = await db
            .Projects.Where(p => ids.Contains(p.CohortId) && p.Members.Any(m => m.UserId == userId))
            .Select(p => new MyProject(
                p.Id,
                p.CohortId,
                p.Name,
                p.CreatedUtc,
                p.LastReviewedUtc,
                p.ReviewIntervalMonths
            ))
            .ToListAsync();
        var open = await OpenComments.CountAsync(db, worksheets.Select(w => w.Id).ToList());
        var asks = await db
            .WorksheetReviewers.Where(r => r.UserId == userId)
            .Join(
                db.Worksheets.Where(w => ids.Contains(w.CohortId)),
                r => r.WorksheetId,
                w => w.Id,
                (r, w) => new Ask(w.Id, w.Title, w.CohortId)
            )
            .ToListAsync();
        return new(me.DisplayName, me.TimeZoneId, cohorts, sessions, worksheets, projects, open, asks);
    }
}
