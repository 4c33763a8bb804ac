using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets.Sharing;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Dashboard;

public class IndexModel(KindlingDb db, LessonCache lessons, ReadCache reads, TimeProvider clock) : PageModel
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
        // What the page reads is kept until one of its tables is written; the clock's part is worked out here.
        var data = await reads.GetAsync("dashboard", userId, Guid.Empty, () => DashboardData.LoadAsync(db, userId));
        if (data is null)
            return;
        SignedIn = true;
        IsFacilitator = User.IsInRole(InstanceRoles.Facilitator) || User.IsInRole(InstanceRoles.Admin);
        (Name, Zone, Cohorts) = (data.Name, data.Zone, data.Cohorts);
        _now = clock.GetUtcNow().UtcDateTime;

        var taught = new Dictionary<LessonKey, LessonDocument>();
        foreach (var key in data.Sessions.Select(r => r.Lesson).Distinct())
            taught[key] = await lessons.OfAsync(db, key);
        var sessions = data.Sessions.Select(r => (Row: r, Doc: taught[r.Lesson])).ToList();

        if (sessions.FirstOrDefault(s => s.Row.EndsUtc > _now) is { Row: { } upcoming } u)
            Next = new(
                upcoming.CohortId,
                upcoming.Id,
                upcoming.CohortName,
                u.Doc.Title,
                upcoming.StartsUtc,
                upcoming.JoinUrl
            );

        foreach (var group in sessions.GroupBy(s => s.Row.CohortId))
        {
            var held = group.LastOrDefault(s => s.Row.StartsUtc <= _now);
            var next = group.FirstOrDefault(s => s.Row.StartsUtc > _now);
            if (held.Row is not null && held.Doc.Assignment is { } a)
                AddAssignment(
                    a,
                    held.Row,
                    next.Row,
                    data.Worksheets.Where(w => w.CohortId == held.Row.CohortId && w.LessonSlug == held.Row.LessonSlug)
                        .ToList()
                );
            if (next.Row is not null && next.Doc.Readings.Count > 0)
                Due.Add(
                    new(
                        "Pre-work: readings for " + next.Doc.Title,
                        $"{next.Doc.Readings.Count} readings",
                        next.Row.CohortName,
                        next.Row.StartsUtc,
                        $"/cohorts/{next.Row.CohortId}/lessons/{next.Row.LessonSlug}#readings"
                    )
                );
        }
        AddWorksheetItems(data);
    }

    /// <summary>
    /// The latest lesson's assignment is done once a worksheet from its template, in one of my projects, is shared with
    /// the cohort; filled in (saved at least once) but not shared, it is in progress; otherwise it is due.
    /// </summary>
    private void AddAssignment(
        AssignmentInfo a,
        DashboardData.SessionItem held,
        DashboardData.SessionItem? next,
        List<DashboardData.MyWorksheet> copies
    )
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
    private void AddWorksheetItems(DashboardData data)
    {
        foreach (var p in data.Projects)
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
        foreach (var w in data.Worksheets.Where(w => data.OpenCommentCounts.ContainsKey(w.Id)))
            Due.Add(
                new(
                    "Comments on " + w.Title,
                    OpenComments.Text(data.OpenCommentCounts[w.Id]) + " to read and resolve",
                    CohortName(w.CohortId),
                    null,
                    $"/cohorts/{w.CohortId}/worksheets/{w.Id}/comments"
                )
            );
        foreach (var a in data.Asks)
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
