using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

/// <summary>
/// Facilitators move their cohort to the lesson's newest version: they see what changed since the version the cohort
/// teaches, then move the pin and the sessions that have not started and have not been opened. Held sessions keep the
/// version they taught.
/// </summary>
public class CohortLessonVersionModel(KindlingDb db, LessonVersions versions, TimeProvider clock) : CohortPageModel
{
    protected override bool FacilitatorsOnly => true;

    [FromRoute]
    public string Slug { get; set; } = "";
    public Lesson Lesson { get; private set; } = null!;
    public LessonVersion? Pinned { get; private set; }
    public LessonVersion Current { get; private set; } = null!;
    public LessonDiff? Diff { get; private set; }

    /// <summary>Sessions that would move, and those that keep their version (held or opened).</summary>
    public int Movable { get; private set; }
    public int Kept { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    /// <param name="to">The version the facilitator saw the changes of; another newer one means look again.</param>
    public async Task<IActionResult> OnPostAsync(int to)
    {
        if (!await LoadAsync())
            return NotFound();
        var back = $"/cohorts/{CohortId}/lessons/{Slug}";
        if (to != Current.Number)
        {
            TempData["Flash"] =
                $"The lesson now has version {Current.Number}: look at its changes below, then choose again.";
            return Redirect(back + "/version");
        }
        if (Pinned?.Id == Current.Id && Movable == 0)
        {
            TempData["Flash"] = $"This cohort already uses version {to} for its future sessions.";
            return Redirect(back);
        }
        var moved = await versions.MoveCohortAsync(CohortId, Current);
        TempData["Flash"] =
            $"Future sessions of this cohort now use version {to} of “{Current.Title}” "
            + $"({moved} {(moved == 1 ? "session" : "sessions")} moved).";
        return Redirect(back);
    }

    private async Task<bool> LoadAsync()
    {
        if (Slug.Length > 100)
            return false;
        var lesson = await db
            .Lessons.AsNoTracking()
            .FirstOrDefaultAsync(l => l.CurriculumId == Access.Cohort.CurriculumId && l.Slug == Slug);
        if (lesson is null || await versions.CurrentAsync(lesson.Id) is not { } current)
            return false;
        (Lesson, Current) = (lesson, current);
        Pinned = await CohortLessonVersion.PinnedAsync(db, CohortId, lesson.Id);
        if (Pinned is not null && Pinned.Number < current.Number)
            Diff = LessonDiff.Compare(Pinned.Source, current.Source);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db
            .Sessions.Where(s => s.CohortId == CohortId && s.LessonId == lesson.Id)
            .Select(s => new
            {
                s.LessonVersionId,
                Open = s.StartsUtc > now && !db.LiveDocuments.Any(d => d.SessionId == s.Id),
            })
            .ToListAsync();
        Movable = sessions.Count(s => s.Open && s.LessonVersionId != current.Id);
        Kept = sessions.Count(s => !s.Open);
        return true;
    }
}
