using Kindling.Domain;

namespace Kindling.Web.Features.Worksheets.Templates;

// Placeholder until the templates branch lands (same names).
public sealed class TemplateCatalog
{
    public Task<IReadOnlyList<(AssignmentTemplate Row, WorksheetTemplate Template)>> ForCurriculumAsync(Guid curriculumId) =>
        Task.FromResult<IReadOnlyList<(AssignmentTemplate, WorksheetTemplate)>>([]);

    public Task<WorksheetTemplate?> FindAsync(Guid curriculumId, string slug) => Task.FromResult<WorksheetTemplate?>(null);
}
