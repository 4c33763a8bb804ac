using Kindling.Data;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Curricula;

/// <summary>The line changes between any two versions of a lesson.</summary>
public class LessonVersionDiffModel(KindlingDb db) : LessonVersionsPage(db)
{
    [FromQuery]
    public int From { get; set; }

    [FromQuery]
    public int To { get; set; }
    public LessonDiff? Diff { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug)
    {
        if (!await LoadAsync(slug, lessonSlug))
            return NotFound();
        var from = await FindAsync(From);
        var to = await FindAsync(To);
        if (from is null || to is null)
        {
            Error =
                $"Version {(from is null ? From : To)} of this lesson does not exist: it has versions 1 to "
                + $"{Current}. Pick two of them.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Diff = LessonDiff.Compare(from.Source, to.Source);
        return Page();
    }
}
