using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields.Text;

/// <summary>One line of text. Value: a string.</summary>
public sealed class TextField() : ProseFieldType(FieldTypes.Text)
{
    protected override string Read(FieldReader read) => read.Text(read.Key(), WorksheetForm.MaxText, read.Label);
}
