using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields.Date;

/// <summary>A calendar date. Value: a string, yyyy-MM-dd (or "" when not given).</summary>
public sealed class DateField() : ProseFieldType(FieldTypes.Date)
{
    protected override string Read(FieldReader read) => read.Date(read.Key(), read.Label);

    protected override string Shown(string text) => FieldText.FormatDate(text);
}
