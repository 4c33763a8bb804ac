using System.Text.RegularExpressions;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Charter;

/// <summary>"Compile charter": the project's worksheets as they are now, compiled into its charter.</summary>
public sealed partial class CompileCharter(KindlingDb db, TimeProvider clock)
{
    public async Task<CharterDocument> RunAsync(Project project)
    {
        var worksheets = await db.Worksheets.AsNoTracking().Where(w => w.ProjectId == project.Id).ToListAsync();
        var curriculumId = await db.Cohorts.Where(c => c.Id == project.CohortId).Select(c => c.CurriculumId).FirstOrDefaultAsync();
        var templates = await db.AssignmentTemplates.AsNoTracking().Where(t => t.CurriculumId == curriculumId)
            .Select(t => new { t.Title, t.LessonSlug, t.Source }).ToListAsync();
        var offers = templates.Select(t => new TemplateOffer(t.Title, t.LessonSlug, SectionsNamedIn(t.Source))).ToList();
        return CharterCompiler.Compile(project.Name, project.Description, worksheets, offers, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The charter sections a template's source feeds, read from its <c>charter:</c> keys. Only a hint for the "make a
    /// copy of …" message, so a plain scan does; the worksheet's own frozen template decides what really feeds what.
    /// </summary>
    public static IReadOnlyList<string> SectionsNamedIn(string source) =>
        CharterKey().Matches(source).Select(m => m.Groups[1].Value).Where(CharterSections.All.Contains).Distinct().ToList();

    [GeneratedRegex(@"(?m)^\s*(?:-\s*)?charter:\s*[""']?([a-z-]+)")]
    private static partial Regex CharterKey();
}
