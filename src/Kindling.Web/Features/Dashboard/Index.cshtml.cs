using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Dashboard;

public class IndexModel(KindlingDb db, LessonCache lessons, TimeProvider clock) : PageModel
{
    public sealed record CohortRow(Guid Id, string Name, CohortRole Role, int SessionCount);

    public sealed record NextSession(
        Guid CohortId,
        Guid SessionId,
        string CohortName,
        string LessonTitle,
        DateTime StartsUtc,
        string? JoinUrl
    );

    public sealed record DueItem(string What, string Detail, string CohortName, DateTime? ByUtc, string Link);

    public bool SignedIn { get; private set; }
    public bool IsFacilitator { get; private set; }
    public string Name { get; private set; } = "";
    public string Zone { get; private set; } = "UTC";
    public List<CohortRow> Cohorts { get; private set; } = [];
    public NextSession? Next { get; private set; }
    public List<DueItem> Due { get; private set; } = [];
    private DateTime _now;

    public async Task OnGetAsync()
    {
        var userId = CohortAccess.UserId(User);
        if (userId is null)
            return;
        var me = await db
            .Users.Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.TimeZoneId })
            .FirstOrDefaultAsync();
        if (me is null)
            return;
        SignedIn = true;
        IsFacilitator = User.IsInRole(InstanceRoles.Facilitator) || User.IsInRole(InstanceRoles.Admin);
        (Name, Zone) = (me.DisplayName, me.TimeZoneId);
        _now = clock.GetUtcNow().UtcDateTime;

        Cohorts = await db
            .CohortMembers.Where(m => m.UserId == userId)
            .OrderBy(m => m.JoinedUtc)
            .Select(m => new CohortRow(
                m.CohortId,
                db.Cohorts.First(c => c.Id == m.CohortId).Name,
                m.Role,
                db.Sessions.Count(s => s.CohortId == m.CohortId)
            ))
            .ToListAsync();
        var ids = Cohorts.Select(c => c.Id).ToList();
        // Sessions with their lesson's key, not its text: the parsed lessons come from the cache.
        var rows = await db
            .Sessions.Where(s => ids.Contains(s.CohortId))
            .OrderBy(s => s.StartsUtc)
            .Select(SessionRow)
            .ToListAsync();
        var taught = new Dictionary<LessonKey, LessonDocument>();
        foreach (var key in rows.Select(r => r.Lesson).Distinct())
            taught[key] = await lessons.OfAsync(db, key);
        var sessions = rows.Select(r => r with { Doc = taught[r.Lesson] }).ToList();

        var upcoming = sessions.FirstOrDefault(s => s.EndsUtc > _now);
        if (upcoming is not null)
            Next = new(
                upcoming.CohortId,
                upcoming.Id,
                upcoming.CohortName,
                upcoming.Doc!.Title,
                upcoming.StartsUtc,
                upcoming.JoinUrl
            );

        var worksheets = await MyWorksheetsAsync(userId, ids);
        foreach (var group in sessions.GroupBy(s => s.CohortId))
        {
            var held = group.LastOrDefault(s => s.StartsUtc <= _now);
            var next = group.FirstOrDefault(s => s.StartsUtc > _now);
            if (held is not null && held.Doc!.Assignment is { } a)
                AddAssignment(
                    a,
                    held,
                    next,
                    worksheets.Where(w => w.CohortId == held.CohortId && w.LessonSlug == held.LessonSlug).ToList()
                );
            if (next is not null && next.Doc!.Readings.Count > 0)
                Due.Add(
                    new(
                        "Pre-work: readings for " + next.Doc.Title,
                        $"{next.Doc.Readings.Count} readings",
                        next.CohortName,
                        next.StartsUtc,
                        $"/cohorts/{next.CohortId}/lessons/{next.LessonSlug}#readings"
                    )
                );
        }
        await AddWorksheetItemsAsync(userId, ids, worksheets);
    }

    private sealed record SessionItem(
        Guid Id,
        Guid CohortId,
        string CohortName,
        DateTime StartsUtc,
        DateTime EndsUtc,
        string? JoinUrl,
        string LessonSlug,
        LessonKey Lesson
    )
    {
        public LessonDocument? Doc { get; init; }
    }

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

    private sealed record MyWorksheet(
        Guid Id,
        Guid CohortId,
        string LessonSlug,
        string Title,
        int Version,
        bool Shared
    );

    /// <summary>The worksheets of the projects I manage in these cohorts.</summary>
    private Task<List<MyWorksheet>> MyWorksheetsAsync(string userId, List<Guid> cohortIds) =>
        db
            .Worksheets.Where(w =>
                cohortIds.Contains(w.CohortId)
                && db.ProjectMembers.Any(m => m.ProjectId == w.ProjectId && m.UserId == userId)
            )
            .OrderBy(w => w.CreatedUtc)
            .Select(w => new MyWorksheet(w.Id, w.CohortId, w.LessonSlug, w.Title, w.Version, w.SharedUtc != null))
            .ToListAsync();

    /// <summary>
    /// The latest lesson's assignment is done once a worksheet from its template, in one of my projects, is shared with
    /// the cohort; filled in (saved at least once) but not shared, it is in progress; otherwise it is due.
    /// </summary>
    private void AddAssignment(AssignmentInfo a, SessionItem held, SessionItem? next, List<MyWorksheet> copies)
    {
        if (copies.Any(w => w.Shared))
            return;
        var cohort = held.CohortName;
        if (copies.FirstOrDefault(w => w.Version > 1) is { } filled)
            Due.Add(
                new(
                    "Assignment in progress: " + a.Title,
                    "Filled in, not shared yet: share it with the cohort when it is ready",
                    cohort,
                    next?.StartsUtc,
                    $"/cohorts/{held.CohortId}/worksheets/{filled.Id}/sharing"
                )
            );
        else
            Due.Add(
                new(
                    "Assignment: " + a.Title,
                    a.Summary,
                    cohort,
                    next?.StartsUtc,
                    copies.Count > 0
                        ? $"/cohorts/{held.CohortId}/worksheets/{copies[0].Id}"
                        : $"/cohorts/{held.CohortId}/lessons/{held.LessonSlug}#assignment"
                )
            );
    }

    /// <summary>Projects whose review is due, open comments on my worksheets, and worksheets someone asked me to give
    /// feedback on.</summary>
    private async Task AddWorksheetItemsAsync(string userId, List<Guid> cohortIds, List<MyWorksheet> mine)
    {
        var projects = await db
            .Projects.Where(p => cohortIds.Contains(p.CohortId) && p.Members.Any(m => m.UserId == userId))
            .Select(p => new
            {
                p.Id,
                p.CohortId,
                p.Name,
                p.CreatedUtc,
                p.LastReviewedUtc,
                p.ReviewIntervalMonths,
            })
            .ToListAsync();
        foreach (var p in projects)
        {
            var due = (p.LastReviewedUtc ?? p.CreatedUtc).AddMonths(p.ReviewIntervalMonths);
            if (due <= _now)
                Due.Add(
                    new(
                        "Review due: " + p.Name,
                        $"Time to look over the project's worksheets again (every {p.ReviewIntervalMonths} months)",
                        CohortName(p.CohortId),
                        null,
                        $"/cohorts/{p.CohortId}/projects/{p.Id}"
                    )
                );
        }
        var open = await OpenComments.CountAsync(db, mine.Select(w => w.Id).ToList());
        foreach (var w in mine.Where(w => open.ContainsKey(w.Id)))
            Due.Add(
                new(
                    "Comments on " + w.Title,
                    OpenComments.Text(open[w.Id]) + " to read and resolve",
                    CohortName(w.CohortId),
                    null,
                    $"/cohorts/{w.CohortId}/worksheets/{w.Id}/comments"
                )
            );
        var asks = await db
            .WorksheetReviewers.Where(r => r.UserId == userId)
            .Join(
                db.Worksheets,
                r => r.WorksheetId,
                w => w.Id,
                (r, w) =>
                    new
                    {
                        w.Id,
                        w.Title,
                        w.CohortId,
                    }
            )
            .Where(w => cohortIds.Contains(w.CohortId))
            .ToListAsync();
        foreach (var a in asks)
            Due.Add(
                new(
                    "Feedback requested: " + a.Title,
                    "A project asked you to read its worksheet and comment",
                    CohortName(a.CohortId),
                    null,
                    $"/cohorts/{a.CohortId}/worksheets/{a.Id}/comments"
                )
            );
    }

    private string CohortName(Guid id) => Cohorts.FirstOrDefault(c => c.Id == id)?.Name ?? "";

    public string Countdown(DateTime startsUtc)
    {
        var left = startsUtc - _now;
        if (left <= TimeSpan.Zero)
            return "happening now";
        if (left.TotalDays >= 1)
            return $"in {(int)left.TotalDays} days {left.Hours} hours";
        if (left.TotalHours >= 1)
            return $"in {(int)left.TotalHours} hours {left.Minutes} minutes";
        return $"in {Math.Max(1, (int)left.TotalMinutes)} minutes";
    }
}
