using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields.LongText;

/// <summary>Paragraphs of text. Value: a string (line breaks kept).</summary>
public sealed class LongTextField() : ProseFieldType(FieldTypes.LongText)
{
    protected override string Read(FieldReader read) => read.Text(read.Key(), WorksheetForm.MaxLongText, read.Label);
}
