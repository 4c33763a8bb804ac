using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// The worksheet a template makes, as a fresh copy would start: drawn with the worksheet editor's own field partials
/// (read-only), so the preview shows exactly what participants will get. Holds the errors instead when the text does
/// not parse.
/// </summary>
public sealed record TemplatePreview(
    WorksheetTemplate? Template,
    IReadOnlyList<FieldEditor> Fields,
    IReadOnlyList<CurriculumError> Errors
)
{
    /// <summary>Within the preview, fields' headings sit under their section's (see _FieldHead).</summary>
    public const int FieldHeadingLevel = 4;

    public static TemplatePreview Failed(IReadOnlyList<CurriculumError> errors) => new(null, [], errors);

    public static TemplatePreview Of(WorksheetTemplate template)
    {
        var data = WorksheetData.Empty();
        foreach (var field in template.Fields)
            FieldTypes.Of(field).Start(field, data);
        var form = WorksheetForm.ToForm(template, data);
        var extra = template
            .Fields.SelectMany(f => FieldTypes.Of(f).Blanks(f, form))
            .ToDictionary(b => b.Key, b => b.Count, StringComparer.Ordinal);
        var fields = template
            .Fields.Select(f => new FieldEditor(
                f,
                form,
                [],
                extra,
                FieldTypes.Of(f).Picture(f, data) is { } picture ? SvgWriter.Write(picture) : null
            ))
            .ToList();
        return new(template, fields, []);
    }

    public FieldEditor EditorFor(TemplateField field) => Fields.First(f => f.Field == field);

    /// <summary>Every error on one line, for the live preview's status line.</summary>
    public string ErrorText => string.Join(" ", Errors);
}
