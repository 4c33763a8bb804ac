using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields.List;

/// <summary>A list of short items. Value: a string array (blank items dropped).</summary>
public sealed class ListField() : FieldType<List<string>>(FieldTypes.List)
{
    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        [new(FormState.Key(field.Id), 3, PerAdd: 3)];

    protected override void Write(TemplateField field, List<string>? value, FormState form) =>
        form.SetAll(FormState.Key(field.Id), value ?? []);

    protected override List<string> Read(FieldReader read) => read.Items(read.Key(), WorksheetForm.MaxText, read.Label);

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<string>? value) => value ?? [];

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<string>? value) =>
        FieldText.Items(value) is { Count: > 0 } items ? [new ListBlock(field.Label, items)] : [];
}
