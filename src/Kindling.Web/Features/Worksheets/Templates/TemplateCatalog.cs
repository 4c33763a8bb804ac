using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Kindling.Web.Features.Worksheets.Templates;

/// <summary>A curriculum's assignment templates, parsed. Rows come from the database; parsed forms from <see
/// cref="ParsedTemplates"/>.</summary>
public sealed class TemplateCatalog(KindlingDb db, ParsedTemplates parsed)
{
    /// <summary>Every template of the curriculum that parses, in lesson order.</summary>
    public async Task<IReadOnlyList<(AssignmentTemplate Row, WorksheetTemplate Template)>> ForCurriculumAsync(
        Guid curriculumId
    )
    {
        var rows = await db.AssignmentTemplates.AsNoTracking().Where(t => t.CurriculumId == curriculumId).ToListAsync();
        var order = await db
            .Lessons.Where(l => l.CurriculumId == curriculumId)
            .Select(l => new { l.Slug, l.Order })
            .ToDictionaryAsync(l => l.Slug, l => l.Order);
        return rows.OrderBy(r => order.GetValueOrDefault(r.LessonSlug, int.MaxValue))
            .ThenBy(r => r.Slug, StringComparer.Ordinal)
            .Select(r => (Row: r, Template: parsed.Get(r)))
            .Where(x => x.Template is not null)
            .Select(x => (x.Row, x.Template!))
            .ToList();
    }

    /// <summary>The template with this slug in the curriculum, or null.</summary>
    public async Task<WorksheetTemplate?> FindAsync(Guid curriculumId, string slug)
    {
        var row = await db
            .AssignmentTemplates.AsNoTracking()
            .FirstOrDefaultAsync(t => t.CurriculumId == curriculumId && t.Slug == slug);
        return row is null ? null : parsed.Get(row);
    }

    /// <summary>The assignment template of a lesson (the template whose <c>lesson</c> is this lesson's slug), or
    /// null.</summary>
    public async Task<(AssignmentTemplate Row, WorksheetTemplate Template)?> ForLessonAsync(
        Guid curriculumId,
        string lessonSlug
    )
    {
        var row = await db
            .AssignmentTemplates.AsNoTracking()
            .Where(t => t.CurriculumId == curriculumId && t.LessonSlug == lessonSlug)
            .OrderBy(t => t.Slug)
            .FirstOrDefaultAsync();
        return row is not null && parsed.Get(row) is { } template ? (row, template) : null;
    }
}

/// <summary>Parsed templates, one entry per template row (<see cref="ParsedCache"/>).</summary>
public sealed class ParsedTemplates(
    [FromKeyedServices(typeof(ParsedTemplates))] IMemoryCache cache,
    ILogger<ParsedTemplates> log
)
{
    /// <summary>Templates kept parsed: many curricula's worth.</summary>
    public const int Limit = 500;

    /// <summary>The parsed template, or null (logged) when the stored source no longer parses.</summary>
    public WorksheetTemplate? Get(AssignmentTemplate row) =>
        cache.GetOrParse(
            row.Id,
            row.UpdatedUtc,
            () =>
            {
                var (template, errors) = TemplateParser.Parse(row.FileName, row.Source);
                if (template is null)
                    log.LogWarning(
                        "Stored assignment template {File} no longer parses: {Errors}",
                        row.FileName,
                        string.Join("; ", errors)
                    );
                return template;
            }
        );
}
