using System.Text.Json;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Worksheets;

/// <summary>"Make a copy": a project's worksheet from a lesson's template, with version 1 holding its starting
/// values.</summary>
public static class MakeCopy
{
    /// <param name="worksheets">The project's worksheets: some types start from what they hold (impact indicators
    /// start from the definitions of success).</param>
    public static (Worksheet Worksheet, WorksheetVersion First) Create(
        Project project,
        WorksheetTemplate template,
        string userId,
        DateTime nowUtc,
        ProjectContext worksheets
    )
    {
        var data = WorksheetData.Empty();
        foreach (var field in template.Fields)
            FieldTypes.Of(field).Start(field, data, worksheets);
        var worksheet = new Worksheet
        {
            ProjectId = project.Id,
            CohortId = project.CohortId,
            TemplateSlug = template.Slug,
            LessonSlug = template.Lesson,
            Title = template.Title,
            TemplateJson = JsonSerializer.Serialize(template, WorksheetData.Json),
            DataJson = data.ToJson(),
            Version = 1,
            CreatedUtc = nowUtc,
            UpdatedUtc = nowUtc,
            UpdatedById = userId,
        };
        var first = new WorksheetVersion
        {
            WorksheetId = worksheet.Id,
            Number = 1,
            DataJson = worksheet.DataJson,
            SavedUtc = nowUtc,
            SavedById = userId,
        };
        return (worksheet, first);
    }

    public static WorksheetTemplate TemplateOf(Worksheet worksheet) =>
        JsonSerializer.Deserialize<WorksheetTemplate>(worksheet.TemplateJson, WorksheetData.Json)
        ?? throw new InvalidOperationException("The worksheet's template could not be read.");
}
