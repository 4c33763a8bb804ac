using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

public class DetailsModel(KindlingDb db) : PageModel
{
    public sealed record LessonRow(string Slug, int Order, string Title, string Status, string FileName);

    /// <summary>An assignment template, with who last edited it in the browser and when (null: as imported).</summary>
    public sealed record TemplateRow(
        string Slug,
        string Title,
        string FileName,
        string LessonSlug,
        string? EditedBy,
        DateTime? EditedUtc
    );

    public Curriculum Curriculum { get; private set; } = null!;
    public List<LessonRow> Lessons { get; private set; } = [];
    public List<TemplateRow> Templates { get; private set; } = [];
    public string GuidelinesHtml { get; private set; } = "";
    public string CodeOfConductHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        var c = await db.Curricula.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug);
        if (c is null)
            return NotFound();
        Curriculum = c;
        Lessons = await db
            .Lessons.Where(l => l.CurriculumId == c.Id)
            .OrderBy(l => l.Order)
            .Select(l => new LessonRow(l.Slug, l.Order, l.Title, l.Status, l.FileName))
            .ToListAsync();
        var order = Lessons.Select((l, i) => (l.Slug, i)).ToDictionary(x => x.Slug, x => x.i);
        Templates = (
            await db
                .AssignmentTemplates.Where(t => t.CurriculumId == c.Id)
                .Select(t => new TemplateRow(
                    t.Slug,
                    t.Title,
                    t.FileName,
                    t.LessonSlug,
                    db.Users.Where(u => u.Id == t.EditedById).Select(u => u.DisplayName).FirstOrDefault(),
                    t.EditedUtc
                ))
                .ToListAsync()
        )
            .OrderBy(t => order.GetValueOrDefault(t.LessonSlug, int.MaxValue))
            .ThenBy(t => t.Slug, StringComparer.Ordinal)
            .ToList();
        GuidelinesHtml = MarkdownRenderer.ToSafeHtml(c.GuidelinesMarkdown);
        CodeOfConductHtml = MarkdownRenderer.ToSafeHtml(c.CodeOfConductMarkdown);
        return Page();
    }
}
