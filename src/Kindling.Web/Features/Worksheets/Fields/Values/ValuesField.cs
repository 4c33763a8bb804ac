using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Values;

/// <summary>Up to three core values (from the template's options, else the shipped list, or the team's own), one of
/// them defined with examples. Value: a <see cref="CoreValues"/>.</summary>
public sealed class ValuesField() : PictureFieldType<CoreValues>(FieldTypes.Values)
{
    public override TemplateKeys Keys { get; } = new(Options: KeyUse.Optional);

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        [new(FormState.Key(field.Id, "examples"), 2, PerAdd: 3)];

    /// <summary>The values a values field offers: its template's options, else the shipped list.</summary>
    public static IReadOnlyList<string> ChoicesOf(TemplateField field) =>
        field.Options.Count > 0 ? field.Options : FrameworkDefaults.ValueChoices;

    protected override CoreValues Empty => new([], "", "", []);

    protected override Diagram Draw(CoreValues value) => ValuesDiagram.Build(value);

    protected override void Write(TemplateField field, CoreValues? value, FormState form)
    {
        var id = field.Id;
        var choices = ChoicesOf(field);
        var chosen = value?.Chosen ?? [];
        form.SetAll(FormState.Key(id, "chosen"), chosen.Where(c => choices.Contains(c)));
        form.SetAll(FormState.Key(id, "own"), chosen.Where(c => !choices.Contains(c)));
        form.Set(FormState.Key(id, "defined"), value?.Defined);
        form.Set(FormState.Key(id, "definition"), value?.Definition);
        form.SetAll(FormState.Key(id, "examples"), value?.Examples ?? []);
    }

    protected override CoreValues Read(FieldReader read)
    {
        var choices = ChoicesOf(read.Field);
        var posted = read.Form.All(read.Key("chosen"));
        var ticked = choices.Where(posted.Contains); // in list order, whatever order they arrive in
        var own = read.Items(read.Key("own"), 80, $"your own values in {read.Label}");
        var chosen = ticked.Concat(own).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (chosen.Count > 3)
            read.Error(read.Key("chosen"), $"Pick at most three values for {read.Label} (you picked {chosen.Count}).");
        var defined = FieldReader.Clean(read.Form.Get(read.Key("defined")));
        if (defined.Length > 0 && !chosen.Contains(defined, StringComparer.OrdinalIgnoreCase))
            read.Error(
                read.Key("defined"),
                $"The value you define in {read.Label} must be one of the values you picked."
            );
        return new CoreValues(
            chosen,
            defined,
            read.Text(read.Key("definition"), WorksheetForm.MaxLongText, $"The definition in {read.Label}"),
            read.Items(read.Key("examples"), WorksheetForm.MaxCell, $"the examples in {read.Label}")
        );
    }

    protected override IReadOnlyList<string> LinesOf(TemplateField field, CoreValues? v)
    {
        if (v is null)
            return [];
        var lines = new List<string>();
        if (v.Chosen.Count > 0)
            lines.Add("Values: " + string.Join(", ", v.Chosen));
        if (v.Defined.Length > 0)
            lines.Add("Defined: " + v.Defined);
        lines.AddRange(Split(v.Definition).Select(l => "Definition: " + l));
        lines.AddRange(v.Examples.Select(e => "Example: " + e));
        return lines;
    }

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, CoreValues? value)
    {
        if (value is null)
            return [];
        var chosen = Items(value.Chosen);
        var examples = Items(value.Examples);
        var blocks = new List<CharterBlock>();
        if (chosen.Count > 0)
        {
            blocks.Add(PictureBlock("Core values", value with { Chosen = chosen, Examples = examples }));
            blocks.Add(new ListBlock("Our core values", chosen));
        }
        var defined = Written(value.Defined);
        if (Written(value.Definition) is { } definition)
            blocks.Add(new ParagraphBlock(defined is null ? "What we mean" : $"What “{defined}” means", definition));
        if (examples.Count > 0)
            blocks.Add(new ListBlock(defined is null ? "In action" : $"“{defined}” in action", examples));
        return blocks;
    }
}
