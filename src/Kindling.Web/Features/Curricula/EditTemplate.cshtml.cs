using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// Edits an assignment template's YAML file in the browser, like the lesson editor: Preview draws the worksheet the
/// text would make without saving; Save keeps the text and saves nothing on any error (<see cref="TemplateEdits"/>).
/// Like every curriculum page it is for the instance's facilitators and admins.
/// </summary>
public class EditTemplateModel(KindlingDb db, TemplateEdits edits) : PageModel
{
    [BindProperty]
    public string? Source { get; set; }

    /// <summary>The template's <see cref="AssignmentTemplate.UpdatedUtc"/> ticks when this editor opened.</summary>
    [BindProperty]
    public long StartedFrom { get; set; }

    public Curriculum Curriculum { get; private set; } = null!;
    public AssignmentTemplate Row { get; private set; } = null!;
    public string LessonTitle { get; private set; } = "";
    public string? EditedBy { get; private set; }
    public TemplatePreview? Preview { get; private set; }
    public SourceProblems? Problems { get; private set; }
    public TemplateEdits.Conflict? Conflict { get; private set; }

    public string LessonUrl => $"/curricula/{Curriculum.Slug}/lessons/{Row.LessonSlug}";

    public async Task<IActionResult> OnGetAsync(string slug, string templateSlug)
    {
        if (!await LoadAsync(slug, templateSlug))
            return NotFound();
        (Source, StartedFrom) = (Row.Source, Row.UpdatedUtc.Ticks);
        Preview = Draw();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string templateSlug)
    {
        if (!await LoadAsync(slug, templateSlug))
            return NotFound();
        var userId = CohortAccess.UserId(User)!;
        switch (await edits.SaveAsync(Row, Source ?? "", StartedFrom, userId))
        {
            case TemplateEdits.Unchanged:
                TempData["Flash"] = "Nothing in the template changed, so nothing was saved.";
                return Redirect(LessonUrl);
            case TemplateEdits.Saved saved:
                TempData["Flash"] =
                    $"Saved the template “{saved.Title}”. Copies made from now on use it; worksheets already copied "
                    + "keep the template they were made from.";
                return Redirect(LessonUrl);
            case TemplateEdits.Invalid invalid:
                Problems = new SourceProblems("Nothing was saved", Source ?? "", invalid.Errors);
                Preview = TemplatePreview.Failed(invalid.Errors);
                return Page();
            case TemplateEdits.Conflict conflict:
                // A second save replaces what is saved now: they have seen it, below the editor.
                (Conflict, StartedFrom) = (conflict, conflict.CurrentStamp.Ticks);
                Preview = Draw();
                return Page();
            default:
                throw new InvalidOperationException("Unknown outcome of saving a template.");
        }
    }

    /// <summary>Without JavaScript: the whole page with the preview of the posted text; nothing is saved.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string slug, string templateSlug)
    {
        if (!await LoadAsync(slug, templateSlug))
            return NotFound();
        Preview = Draw();
        if (Preview.Errors.Count > 0)
            Problems = new SourceProblems("Fix these to see the preview", Source ?? "", Preview.Errors);
        return Page();
    }

    /// <summary>With JavaScript (lesson-editor.js): only the preview, drawn ~400 ms after typing stops.</summary>
    public async Task<IActionResult> OnPostLiveAsync(string slug, string templateSlug)
    {
        if (!await LoadAsync(slug, templateSlug))
            return NotFound();
        return Partial("_TemplatePreview", Draw());
    }

    private TemplatePreview Draw()
    {
        var (template, errors) = TemplateEdits.Check(Row, Source ?? "");
        return template is null ? TemplatePreview.Failed(errors) : TemplatePreview.Of(template);
    }

    private async Task<bool> LoadAsync(string slug, string templateSlug)
    {
        var curriculum = await db.Curricula.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        var row = curriculum is null
            ? null
            : await db
                .AssignmentTemplates.AsNoTracking()
                .FirstOrDefaultAsync(t => t.CurriculumId == curriculum.Id && t.Slug == templateSlug);
        if (row is null)
            return false;
        (Curriculum, Row) = (curriculum!, row);
        LessonTitle =
            await db
                .Lessons.Where(l => l.CurriculumId == row.CurriculumId && l.Slug == row.LessonSlug)
                .Select(l => l.Title)
                .FirstOrDefaultAsync()
            ?? row.LessonSlug;
        EditedBy = row.EditedById is null
            ? null
            : await db.Users.Where(u => u.Id == row.EditedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        return true;
    }
}
