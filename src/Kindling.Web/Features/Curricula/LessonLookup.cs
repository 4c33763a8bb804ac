using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

public static class LessonLookup
{
    /// <summary>The curriculum and one of its lessons by their slugs, or null when either is unknown.</summary>
    public static async Task<(Curriculum Curriculum, Lesson Lesson)?> FindLessonAsync(
        this KindlingDb db,
        string slug,
        string lessonSlug
    )
    {
        var curriculum = await db.Curricula.FirstOrDefaultAsync(c => c.Slug == slug);
        if (curriculum is null)
            return null;
        var lesson = await db.Lessons.FirstOrDefaultAsync(l => l.CurriculumId == curriculum.Id && l.Slug == lessonSlug);
        return lesson is null ? null : (curriculum, lesson);
    }
}
