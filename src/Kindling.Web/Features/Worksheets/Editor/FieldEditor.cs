using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>What one field's editor partial needs: the field, the form to read values from, its problems, how many
/// blank
/// rows to offer beyond the filled ones (by row key), and the server-drawn picture for framework fields.</summary>
/// <param name="Project">The project's other worksheets, for a type that <see cref="Fields.FieldType.ReadsProject"/>
/// (otherwise <see cref="ProjectContext.None"/>).</param>
public sealed record FieldEditor(
    TemplateField Field,
    FormState Form,
    IReadOnlyList<FieldError> Errors,
    IReadOnlyDictionary<string, int> Extra,
    string? Svg,
    ProjectContext? Project = null
)
{
    public string Key(params object[] parts) => FormState.Key(Field.Id, parts);

    public string IdOf(params object[] parts) => FormState.IdOf(Key(parts));

    public string HelpId => $"help-{Field.Id}";

    public string Value(params object[] parts) => Form.Get(Key(parts));

    public bool Invalid(params object[] parts) => Errors.Any(e => e.InputName == Key(parts));

    public string? AriaInvalid(params object[] parts) => Invalid(parts) ? "true" : null;

    /// <summary>Rows to render for a row editor: the filled ones plus the blank ones asked for.</summary>
    public int RowCount(string? group = null)
    {
        var key = group is null ? Key() : Key(group);
        return Math.Min(Form.Rows(key) + Extra.GetValueOrDefault(key), FormState.MaxRows + 10);
    }

    public string RowKey(string? group = null) => group is null ? Key() : Key(group);
}
