using Kindling.Data;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Curricula;

/// <summary>Every version of a lesson, newest first, with a form to compare any two.</summary>
public class LessonVersionsModel(KindlingDb db) : LessonVersionsPage(db)
{
    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug) =>
        await LoadAsync(slug, lessonSlug) ? Page() : NotFound();
}
