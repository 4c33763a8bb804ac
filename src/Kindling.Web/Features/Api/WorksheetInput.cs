using System.Text.Json;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kindling.Web.Features.Api;

/// <summary>
/// A worksheet save sent as JSON, checked by the editor's own rules: the values enter the form they would have on the
/// page (<see cref="WorksheetForm.ToForm"/>) and are read back through each field type, so the same limits and
/// messages apply. Fields the edit leaves out keep their current values.
/// </summary>
public static class WorksheetInput
{
    public static (WorksheetData? Data, ValidationProblem? Problem) Read(
        WorksheetTemplate template,
        string currentJson,
        JsonElement sent
    )
    {
        if (sent.ValueKind != JsonValueKind.Object)
            return (null, ApiProblems.Invalid("data", "Send data as an object of field ids and their values."));
        var data = WorksheetData.Parse(currentJson);
        foreach (var property in sent.EnumerateObject())
        {
            if (template.Field(property.Name) is null)
                return (
                    null,
                    ApiProblems.Invalid(
                        $"data.{property.Name}",
                        $"This worksheet has no field \"{property.Name}\"; its fields are "
                            + $"{string.Join(", ", template.Fields.Select(f => f.Id))}."
                    )
                );
            data.Set(property.Name, property.Value);
        }
        var (read, errors) = WorksheetForm.Read(template, WorksheetForm.ToForm(template, data));
        if (errors.Count > 0)
        {
            var e = errors[0];
            return (null, ApiProblems.Invalid($"data.{e.FieldId}", e.Message));
        }
        // A value in another shape than its field's reads as empty; say so rather than save nothing.
        foreach (var property in sent.EnumerateObject())
            if (!Empty(property.Value) && Empty(Raw(read, property.Name)))
                return (
                    null,
                    ApiProblems.Invalid(
                        $"data.{property.Name}",
                        $"The value of \"{property.Name}\" is not in the shape a {template.Field(property.Name)!.Type} "
                            + "field takes; read the worksheet to see the shape its values have."
                    )
                );
        return (read, null);
    }

    private static JsonElement Raw(WorksheetData data, string fieldId) =>
        JsonDocument.Parse(data.RawOf(fieldId)).RootElement;

    private static bool Empty(JsonElement e) =>
        e.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => true,
            JsonValueKind.String => string.IsNullOrWhiteSpace(e.GetString()),
            JsonValueKind.Array => !e.EnumerateArray().Any(x => !Empty(x)),
            JsonValueKind.Object => !e.EnumerateObject().Any(p => !Empty(p.Value)),
            _ => false,
        };
}
