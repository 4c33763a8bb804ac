using Kindling.Data;
using Kindling.Web.Features.Curricula;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

/// <summary>A lesson of the cohort's curriculum, with the sessions of this cohort that teach it.</summary>
public class LessonModel(KindlingDb db, LessonCache cache) : CohortPageModel
{
    public sealed record SessionRow(Guid Id, DateTime StartsUtc);

    [FromRoute]
    public string Slug { get; set; } = "";
    public string Title { get; private set; } = "";
    public string BodyHtml { get; private set; } = "";
    public List<SessionRow> Sessions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Slug.Length > 100)
            return NotFound();
        var lesson = await db
            .Lessons.AsNoTracking()
            .FirstOrDefaultAsync(l => l.CurriculumId == Access.Cohort.CurriculumId && l.Slug == Slug);
        if (lesson is null)
            return NotFound();
        var doc = cache.Get(lesson);
        Title = doc.Title;
        BodyHtml = LessonHtml.Render(doc, Access.Cohort.Curriculum!.Attribution);
        Sessions = await db
            .Sessions.Where(s => s.CohortId == CohortId && s.LessonId == lesson.Id)
            .OrderBy(s => s.StartsUtc)
            .Select(s => new SessionRow(s.Id, s.StartsUtc))
            .ToListAsync();
        return Page();
    }
}
