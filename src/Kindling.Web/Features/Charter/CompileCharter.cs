using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Charter;

/// <summary>"Compile charter": the project's worksheets as they are now, compiled into its charter.</summary>
public sealed class CompileCharter(KindlingDb db, TemplateCatalog catalog, TimeProvider clock)
{
    public async Task<CharterDocument> RunAsync(Project project)
    {
        var worksheets = await db.Worksheets.AsNoTracking().Where(w => w.ProjectId == project.Id).ToListAsync();
        var curriculumId = await db
            .Cohorts.Where(c => c.Id == project.CohortId)
            .Select(c => c.CurriculumId)
            .FirstOrDefaultAsync();
        // The curriculum's assignments name the sections their fields feed: they become "make a copy of …" hints.
        var offers = (await catalog.ForCurriculumAsync(curriculumId))
            .Select(t => new TemplateOffer(
                t.Template.Title,
                t.Template.Lesson,
                t.Template.Fields.Select(f => f.Charter).OfType<string>().Distinct().ToList()
            ))
            .ToList();
        return CharterCompiler.Compile(
            project.Name,
            project.Description,
            worksheets,
            offers,
            clock.GetUtcNow().UtcDateTime
        );
    }
}
