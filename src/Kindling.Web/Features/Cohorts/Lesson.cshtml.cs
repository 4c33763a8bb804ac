using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

/// <summary>A lesson of the cohort's curriculum as this cohort teaches it (the version it is pinned to), with the
/// sessions of this cohort that teach it.</summary>
public class LessonModel(KindlingDb db, LessonCache cache, ReadCache reads) : CohortPageModel
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
        // The same for every member: kept, rendered, until a table it read is written (ReadCache).
        var read = await reads.GetAsync("lesson", "", (CohortId, Access.Cohort.CurriculumId, Slug), LoadAsync);
        if (read is null)
            return NotFound();
        (Title, BodyHtml, CurrentNumber, PinnedNumber, Sessions) = read;
        return Page();
    }

    private sealed record Read(
        string Title,
        string BodyHtml,
        int CurrentNumber,
        int PinnedNumber,
        List<SessionRow> Sessions
    );

    private async Task<Read?> LoadAsync()
    {
        var curriculumId = Access.Cohort.CurriculumId;
        var lesson = await db
            .Lessons.AsNoTracking()
            .FirstOrDefaultAsync(l => l.CurriculumId == curriculumId && l.Slug == Slug);
        if (lesson is null)
            return null;
        var pinned = await CohortLessonVersion.PinnedAsync(db, CohortId, lesson.Id);
        var doc = pinned is null ? cache.Get(lesson) : cache.Get(pinned);
        var current = await db.LessonVersions.Where(v => v.LessonId == lesson.Id).MaxAsync(v => (int?)v.Number) ?? 0;
        var attribution = await db.Curricula.Where(c => c.Id == curriculumId).Select(c => c.Attribution).FirstAsync();
        var sessions = await db
            .Sessions.Where(s => s.CohortId == CohortId && s.LessonId == lesson.Id)
            .OrderBy(s => s.StartsUtc)
            .Select(s => new SessionRow(s.Id, s.StartsUtc, s.LessonVersion != null ? s.LessonVersion.Number : null))
            .ToListAsync();
        return new(doc.Title, LessonHtml.Render(doc, attribution), current, pinned?.Number ?? current, sessions);
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
