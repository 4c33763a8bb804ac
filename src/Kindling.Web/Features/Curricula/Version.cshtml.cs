using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Curricula;

/// <summary>One version of a lesson as it reads, with its source; Restore saves its text as a new version.</summary>
public class LessonVersionModel(KindlingDb db, CurriculumStore store, LessonCache cache) : LessonVersionsPage(db)
{
    [FromRoute]
    public int Number { get; set; }
    public LessonVersion Version { get; private set; } = null!;
    public VersionRow Row => Versions.First(v => v.Number == Number);
    public string Html { get; private set; } = "";
    public string? Error { get; private set; }

    [BindProperty]
    public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug) =>
        await LoadVersionAsync(slug, lessonSlug) ? Page() : NotFound();

    /// <param name="seen">The current version when the page was shown: a restore made over a newer change is
    /// refused, so nobody undoes a change they have not seen.</param>
    public async Task<IActionResult> OnPostRestoreAsync(string slug, string lessonSlug, int seen)
    {
        if (!await LoadVersionAsync(slug, lessonSlug))
            return NotFound();
        var note = (Note ?? "").Trim();
        Error =
            seen != Current
                ? $"The lesson changed while you were looking: it is now at version {Current}. Look at that "
                    + "version first, then restore again if you still want to."
            : Number == Current ? $"Version {Number} is already the current version."
            : Version.Source == Lesson.Source ? $"The current version already has the text of version {Number}."
            : note.Length > EditLessonModel.MaxNote
                ? $"The note is {note.Length} characters; keep it to {EditLessonModel.MaxNote}."
            : null;
        if (Error is null)
        {
            var change = new LessonChange(VersionOrigins.Restore, CohortAccess.UserId(User), note, Number);
            Error = (await store.UpdateLessonAsync(Lesson, Version.Source, change)) switch
            {
                { } e => $"Version {Number} can't be restored as it is: {e}",
                null => null,
            };
        }
        if (Error is not null)
            return Page();
        TempData["Flash"] = $"Version {Number} was restored as version {Current + 1}.";
        return Redirect($"{LessonUrl}/versions");
    }

    private async Task<bool> LoadVersionAsync(string slug, string lessonSlug)
    {
        if (!await LoadAsync(slug, lessonSlug) || await FindAsync(Number) is not { } version)
            return false;
        Version = version;
        Html = LessonHtml.Render(cache.Get(version), Curriculum.Attribution);
        return true;
    }
}
