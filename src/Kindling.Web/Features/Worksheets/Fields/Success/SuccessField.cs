using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Success;

/// <summary>What success looks like at 6, 12 and 24 months. Value: a <see cref="SuccessDefinition"/>.</summary>
public sealed class SuccessField() : PictureFieldType<SuccessDefinition>(FieldTypes.Success)
{
    protected override SuccessDefinition Empty => new("", "", "");

    protected override Diagram Draw(SuccessDefinition value) => SuccessDiagram.Build(value);

    protected override void Write(TemplateField field, SuccessDefinition? value, FormState form)
    {
        form.Set(FormState.Key(field.Id, "six"), value?.SixMonths);
        form.Set(FormState.Key(field.Id, "twelve"), value?.TwelveMonths);
        form.Set(FormState.Key(field.Id, "twentyfour"), value?.TwentyFourMonths);
    }

    protected override SuccessDefinition Read(FieldReader read)
    {
        string At(string part, int months) =>
            read.Text(read.Key(part), WorksheetForm.MaxLongText, $"Success at {months} months in {read.Label}");
        return new SuccessDefinition(At("six", 6), At("twelve", 12), At("twentyfour", 24));
    }

    protected override IReadOnlyList<string> LinesOf(TemplateField field, SuccessDefinition? s)
    {
        if (s is null)
            return [];
        return Split(s.SixMonths)
            .Select(l => "6 months: " + l)
            .Concat(Split(s.TwelveMonths).Select(l => "12 months: " + l))
            .Concat(Split(s.TwentyFourMonths).Select(l => "24 months: " + l))
            .ToList();
    }

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, SuccessDefinition? value)
    {
        if (value is null)
            return [];
        var blocks = new List<CharterBlock>();
        if (Written(value.SixMonths) is { } six)
            blocks.Add(new ParagraphBlock("In 6 months", six));
        if (Written(value.TwelveMonths) is { } twelve)
            blocks.Add(new ParagraphBlock("In 12 months", twelve));
        if (Written(value.TwentyFourMonths) is { } two)
            blocks.Add(new ParagraphBlock("In 24 months", two));
        if (blocks.Count > 0)
            blocks.Insert(0, PictureBlock("Success over time", value));
        return blocks;
    }
}
