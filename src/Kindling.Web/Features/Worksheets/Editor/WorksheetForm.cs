using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Web.Features.Worksheets.Editor;

/// <summary>A problem with one input, named so a person can find and fix it; <see cref="InputName"/> links to the
/// input.</summary>
public sealed record FieldError(string FieldId, string InputName, string Message);

/// <summary>
/// Turns saved worksheet data into the form (<see cref="ToForm"/>) and a posted form back into data (<see
/// cref="Read"/>),
/// with validation, each field by its type. Blank rows and items are dropped; limits keep one worksheet to a sensible
/// size.
/// </summary>
public static class WorksheetForm
{
    public const int MaxText = 500,
        MaxLongText = 10_000,
        MaxCell = 2_000;

    public static FormState ToForm(WorksheetTemplate template, WorksheetData data)
    {
        var form = new FormState();
        foreach (var field in template.Fields)
            FieldTypes.Of(field).ToForm(field, data, form);
        return form;
    }

    /// <summary>The data a form holds, and every problem found. An op like <c>up:{field}:{row}</c> reorders rows
    /// first.</summary>
    public static (WorksheetData Data, IReadOnlyList<FieldError> Errors) Read(
        WorksheetTemplate template,
        FormState form,
        string? op = null
    )
    {
        var data = WorksheetData.Empty();
        var errors = new List<FieldError>();
        foreach (var field in template.Fields)
            FieldTypes.Of(field).FromForm(new FieldReader(form, field, errors, op), data);
        return (data, errors);
    }

    /// <summary>The data as the form would save it: two values compare equal exactly when a person sees them as the
    /// same.</summary>
    public static WorksheetData Canonical(WorksheetTemplate template, WorksheetData data) =>
        Read(template, ToForm(template, data)).Data;
}
