using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Curricula;

public class LessonModel(KindlingDb db, LessonCache cache) : PageModel
{
    public Curriculum Curriculum { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug)
    {
        if (await db.FindLessonAsync(slug, lessonSlug) is not var (curriculum, lesson))
            return NotFound();
        (Curriculum, Lesson) = (curriculum, lesson);
        Html = LessonHtml.Render(cache.Get(lesson), curriculum.Attribution);
        return Page();
    }
}
