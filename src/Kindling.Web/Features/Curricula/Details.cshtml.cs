using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

public class DetailsModel(KindlingDb db) : PageModel
{
    public sealed record LessonRow(string Slug, int Order, string Title, string Status, string FileName);

    public Curriculum Curriculum { get; private set; } = null!;
    public List<LessonRow> Lessons { get; private set; } = [];
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
        GuidelinesHtml = MarkdownRenderer.ToSafeHtml(c.GuidelinesMarkdown);
        CodeOfConductHtml = MarkdownRenderer.ToSafeHtml(c.CodeOfConductMarkdown);
        return Page();
    }
}
