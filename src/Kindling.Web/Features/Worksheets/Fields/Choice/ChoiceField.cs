using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields.Choice;

/// <summary>One of the template's options, or several when <c>multiple: true</c>. Value: a string, or a string array
/// when multiple.</summary>
public sealed class ChoiceField() : FieldType(FieldTypes.Choice)
{
    public override TemplateKeys Keys { get; } = new(Options: KeyUse.Required, Multiple: KeyUse.Optional);

    public override bool IsProse(TemplateField field) => !field.Multiple;

    public override void ToForm(TemplateField field, WorksheetData data, FormState form)
    {
        if (field.Multiple)
            form.SetAll(FormState.Key(field.Id), data.Get<List<string>>(field.Id) ?? []);
        else
            form.Set(FormState.Key(field.Id), data.GetText(field.Id));
    }

    public override void FromForm(FieldReader read, WorksheetData data)
    {
        var field = read.Field;
        var key = read.Key();
        if (field.Multiple)
        {
            var picked = read.Form.All(key).Where(v => v.Length > 0).Distinct().ToList();
            if (picked.Any(p => !field.Options.Contains(p)))
                read.Error(key, $"Pick only from the listed options for {read.Label}.");
            data.Set(field.Id, field.Options.Where(picked.Contains).ToList());
            return;
        }
        var one = read.Form.Get(key);
        if (one.Length > 0 && !field.Options.Contains(one))
        {
            read.Error(key, $"Pick one of the listed options for {read.Label}.");
            one = "";
        }
        data.Set(field.Id, one);
    }

    public override IReadOnlyList<string> Lines(TemplateField field, WorksheetData data) =>
        field.Multiple ? data.Get<List<string>>(field.Id) ?? [] : FieldText.Split(data.GetText(field.Id));

    public override IReadOnlyList<CharterBlock> Blocks(TemplateField field, WorksheetData data)
    {
        if (FieldText.Items(data.Get<List<string>>(field.Id)) is { Count: > 0 } picked)
            return [new ListBlock(field.Label, picked)];
        return FieldText.Written(data.GetText(field.Id)) is { } one ? [new ParagraphBlock(field.Label, one)] : [];
    }
}
