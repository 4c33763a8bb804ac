using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Curricula;

/// <summary>Edits a lesson's whole source file. Preview renders without saving; Save keeps the text and saves nothing
/// on any error. Every save is a new version of the lesson, with the editor's note on what changed and why.</summary>
public class EditLessonModel(KindlingDb db, CurriculumStore store) : PageModel
{
    public const int MaxNote = 500;

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? Note { get; set; }
    public Curriculum Curriculum { get; private set; } = null!;
    public Lesson Lesson { get; private set; } = null!;
    public string? PreviewHtml { get; private set; }
    public string? Error { get; private set; }
    public bool SaveFailed { get; private set; }

    /// <summary>Why the save was refused, for the error list and the numbered lines.</summary>
    public SourceProblems? Problems { get; private set; }
    private const string Refused = "Nothing was saved";

    public async Task<IActionResult> OnGetAsync(string slug, string lessonSlug)
    {
        if (!await LoadAsync(slug, lessonSlug))
            return NotFound();
        Source = Lesson.Source;
        Preview();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string lessonSlug)
    {
        if (!await LoadAsync(slug, lessonSlug))
            return NotFound();
        var back = $"/curricula/{Curriculum.Slug}/lessons/{Lesson.Slug}";
        if ((Source ?? "").Replace("\r\n", "\n") == Lesson.Source)
        {
            TempData["Flash"] = "Nothing in the lesson changed, so no new version was saved.";
            return Redirect(back);
        }
        var change = new LessonChange(VersionOrigins.Edit, CohortAccess.UserId(User), Note ?? "");
        if ((TooLarge() ?? NoteTooLong()) is { } other)
        {
            (Problems, Error, SaveFailed) = (new SourceProblems(Refused, Source ?? "", [], [other]), other, true);
            return Page();
        }
        if (await store.UpdateLessonAsync(Lesson, Source ?? "", change) is { } error)
        {
            (Problems, Error, SaveFailed) = (
                new SourceProblems(Refused, Source ?? "", [error]),
                error.ToString(),
                true
            );
            return Page();
        }
        TempData["Flash"] = $"Saved “{Lesson.Title}” as a new version.";
        return Redirect(back);
    }

    public async Task<IActionResult> OnPostPreviewAsync(string slug, string lessonSlug)
    {
        if (!await LoadAsync(slug, lessonSlug))
            return NotFound();
        Preview();
        return Page();
    }

    private void Preview()
    {
        Error = TooLarge();
        if (Error is not null)
            return;
        var (doc, error) = LessonParser.Parse(Lesson.FileName, Source ?? "");
        if (error is not null)
            Error = error.ToString();
        else
            PreviewHtml = LessonHtml.Render(doc!, Curriculum.Attribution);
    }

    private string? TooLarge() =>
        (Source?.Length ?? 0) > LessonParser.MaxFileBytes
            ? $"{Lesson.FileName}: the lesson is {Source!.Length / 1000} KB; the limit is "
                + $"{LessonParser.MaxFileBytes / 1000} KB. Split it into smaller lessons."
            : null;

    private string? NoteTooLong() =>
        (Note?.Trim().Length ?? 0) > MaxNote
            ? $"The note is {Note!.Trim().Length} characters; keep it to {MaxNote} (say briefly what changed and why)."
            : null;

    private async Task<bool> LoadAsync(string slug, string lessonSlug)
    {
        if (await db.FindLessonAsync(slug, lessonSlug) is not var (curriculum, lesson))
            return false;
        (Curriculum, Lesson) = (curriculum, lesson);
        return true;
    }
}
