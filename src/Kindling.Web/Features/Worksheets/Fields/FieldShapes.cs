namespace Kindling.Web.Features.Worksheets.Fields;

/// <summary>
/// Finding fields by the shape of their value rather than by a type's name: another type or feature that reads a value
/// (the indicators start from a <c>SuccessDefinition</c>; the impact report reads lists of <c>ImpactIndicator</c>)
/// asks here, so no type's name spreads outside its folder.
/// </summary>
public static class FieldShapes
{
    /// <summary>Is the field's value a <typeparamref name="T"/>?</summary>
    public static bool Holds<T>(TemplateField field)
        where T : class => FieldTypes.IsKnown(field.Type) && FieldTypes.Of(field) is FieldType<T>;

    /// <summary>The template's fields whose value is a <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<TemplateField> Holding<T>(WorksheetTemplate template)
        where T : class => template.Fields.Where(Holds<T>).ToList();
}
