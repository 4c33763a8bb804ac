using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

/// <summary>A lesson of the cohort's curriculum as this cohort teaches it (the version it is pinned to), with the
/// sessions of this cohort that teach it.</summary>
public class LessonModel(KindlingDb db, LessonCache cache) : CohortPageModel
{
    public sealed record SessionRow(Guid Id, DateTime StartsUtc, int? VersionNumber);

    [FromRoute]
    public string Slug { get; set; } = "";
    public string Title { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public List<SessionRow> Sessions { get; private set; } = [];

    /// <summary>The version this cohort teaches, and the lesson's newest.</summary>
    public int PinnedNumber { get; private set; }
    public int CurrentNumber { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Slug.Length > 100)
            return NotFound();
        var lesson = await db
            .Lessons.AsNoTracking()
            .FirstOrDefaultAsync(l => l.CurriculumId == Access.Cohort.CurriculumId && l.Slug == Slug);
        if (lesson is null)
            return NotFound();
        var pinned = await CohortLessonVersion.PinnedAsync(db, CohortId, lesson.Id);
        var doc = pinned is null ? cache.Get(lesson) : cache.Get(pinned);
        CurrentNumber = await db.LessonVersions.Where(v => v.LessonId == lesson.Id).MaxAsync(v => (int?)v.Number) ?? 0;
        PinnedNumber = pinned?.Number ?? CurrentNumber;
        Title = doc.Title;
        BodyHtml = LessonHtml.Render(doc, Access.Cohort.Curriculum!.Attribution);
        Sessions = await db
            .Sessions.Where(s => s.CohortId == CohortId && s.LessonId == lesson.Id)
            .OrderBy(s => s.StartsUtc)
            .Select(s => new SessionRow(s.Id, s.StartsUtc, s.LessonVersion != null ? s.LessonVersion.Number : null))
            .ToListAsync();
        return Page();
    }
}

public static class CohortLessonVersion
{
    /// <summary>The version of the lesson the cohort is pinned to; null when it has no pin yet (it then takes the
    /// current version when a session is scheduled).</summary>
    public static Task<LessonVersion?> PinnedAsync(KindlingDb db, Guid cohortId, Guid lessonId) =>
        db
            .LessonVersions.AsNoTracking()
            .Where(v =>
                db.CohortLessonPins.Any(p =>
                    p.CohortId == cohortId && p.LessonId == lessonId && p.LessonVersionId == v.Id
                )
            )
            .FirstOrDefaultAsync();
}
