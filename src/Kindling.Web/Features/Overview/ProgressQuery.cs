using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// Assignment progress per person and template: a person's copies are the worksheets of the projects they manage
/// (<see cref="ProjectMember"/>), and the furthest copy of each template counts. The worksheets' values are read here
/// only to count filled fields (<see cref="FilledFields"/>); no title or value leaves this class.
/// </summary>
public sealed class ProgressQuery(KindlingDb db, TemplateCatalog catalog)
{
    public async Task<(IReadOnlyList<OverviewTemplate> Templates, ProgressGrid Grid)> LoadAsync(Cohort cohort)
    {
        var parsed = (await catalog.ForCurriculumAsync(cohort.CurriculumId))
            .Select(t => t.Template)
            .DistinctBy(t => t.Slug, StringComparer.Ordinal)
            .ToList();
        var bySlug = parsed.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var templates = parsed.Select(t => new OverviewTemplate(t.Slug, t.Title, t.Lesson, t.Fields.Count())).ToList();
        var managers = await db
            .ProjectMembers.AsNoTracking()
            .Where(m => db.Projects.Any(p => p.Id == m.ProjectId && p.CohortId == cohort.Id))
            .Select(m => new { m.ProjectId, m.UserId })
            .ToListAsync();
        var slugs = bySlug.Keys.ToList();
        var copies = await db
            .Worksheets.AsNoTracking()
            .Where(w => w.CohortId == cohort.Id && slugs.Contains(w.TemplateSlug))
            .Select(w => new
            {
                w.ProjectId,
                w.TemplateSlug,
                w.DataJson,
                Shared = w.SharedUtc != null,
            })
            .ToListAsync();
        var byProject = managers.ToLookup(m => m.ProjectId, m => m.UserId);
        var cells = new Dictionary<(string, string), Progress>();
        foreach (var copy in copies)
        {
            // Measured against the template as the curriculum has it now, the one every person is asked to fill.
            var state = FilledFields.Of(bySlug[copy.TemplateSlug], copy.DataJson, copy.Shared);
            foreach (var userId in byProject[copy.ProjectId])
                cells[(userId, copy.TemplateSlug)] = cells.TryGetValue((userId, copy.TemplateSlug), out var was)
                    ? Progress.Furthest(was, state)
                    : state;
        }
        return (templates, new ProgressGrid(cells));
    }
}
