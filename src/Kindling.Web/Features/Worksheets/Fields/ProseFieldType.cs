using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields;

/// <summary>A type whose value is one string, shown as paragraphs (text, long-text, date).</summary>
public abstract class ProseFieldType(string name) : FieldType<string>(name)
{
    public override bool IsProse(TemplateField field) => true;

    protected override void Write(TemplateField field, string? value, FormState form) =>
        form.Set(FormState.Key(field.Id), value ?? "");

    protected override IReadOnlyList<string> LinesOf(TemplateField field, string? value) => FieldText.Split(value);

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, string? value) =>
        FieldText.Written(value) is { } text ? [new ParagraphBlock(field.Label, Shown(text))] : [];

    /// <summary>The text as the charter shows it.</summary>
    protected virtual string Shown(string text) => text;
}
