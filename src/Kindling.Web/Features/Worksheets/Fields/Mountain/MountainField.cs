using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Mountain;

/// <summary>The mountain of engagement, levels from the foot to the top; a fresh copy starts with example levels.
/// Value: an array of <see cref="MountainLevel"/>.</summary>
public sealed class MountainField() : PictureFieldType<List<MountainLevel>>(FieldTypes.Mountain)
{
    public static readonly string[] Parts = ["name", "who", "actions", "pathways", "gives", "gets", "recognition"];

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form)
    {
        var key = FormState.Key(field.Id);
        return [new(key, form.Rows(key) == 0 ? 1 : 0)];
    }

    public override void Start(TemplateField field, WorksheetData data) =>
        data.Set(field.Id, FrameworkDefaults.MountainLevels);

    protected override List<MountainLevel> Empty => [];

    protected override Diagram Draw(List<MountainLevel> value) => MountainDiagram.Build(value);

    private static string[] Cells(MountainLevel l) =>
        [l.Name, l.Who, l.Actions, l.Pathways, l.Gives, l.Gets, l.Recognition];

    protected override void Write(TemplateField field, List<MountainLevel>? value, FormState form) =>
        form.SetRows(FormState.Key(field.Id), (value ?? []).Select(Cells).ToList(), Parts);

    protected override List<MountainLevel> Read(FieldReader read) =>
        read.Rows(read.Field.Id, Parts)
            .Select(r =>
            {
                string T(int p) =>
                    read.Text(read.Key(r.Row, Parts[p]), WorksheetForm.MaxCell, $"A level of {read.Label}");
                if (r.Cells[0].Trim().Length == 0)
                    read.Error(read.Key(r.Row, "name"), $"Give level {r.Row + 1} of {read.Label} a name.");
                return new MountainLevel(T(0), T(1), T(2), T(3), T(4), T(5), T(6));
            })
            .ToList();

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<MountainLevel>? value) =>
        (value ?? [])
            .Select(
                (l, i) =>
                    $"{i + 1}. {l.Name} | who: {l.Who} | actions: {l.Actions}"
                    + $" | pathways: {l.Pathways} | gives: {l.Gives} | gets: {l.Gets} | recognition: {l.Recognition}"
            )
            .ToList();

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<MountainLevel>? value)
    {
        var levels = (value ?? []).Where(l => Has(l.Name)).ToList();
        if (!levels.Any(l => Cells(l).Skip(1).Any(Has)))
            return [];
        if (IsUntouched(levels, FrameworkDefaults.MountainLevels))
            return [];
        var blocks = new List<CharterBlock> { PictureBlock(field.Label, levels) };
        var n = 0;
        foreach (var l in levels)
        {
            n++;
            var items = new List<string>();
            void Add(string what, string text)
            {
                if (Has(text))
                    items.Add($"{what}: {text.Trim()}");
            }
            Add("Who is there", l.Who);
            Add("What they do", l.Actions);
            Add("What helps them move up", l.Pathways);
            Add("What they give", l.Gives);
            Add("What they get", l.Gets);
            Add("How they are recognised", l.Recognition);
            var title = $"{n}. {l.Name.Trim()}";
            blocks.Add(items.Count > 0 ? new ListBlock(title, items) : new ParagraphBlock(title, "Not described yet."));
        }
        return blocks;
    }

    /// <summary>
    /// A fresh copy starts with example levels (<see cref="FrameworkDefaults.MountainLevels"/>); a mountain nobody has
    /// changed is the example, not the community's own, so the charter treats it as not written.
    /// </summary>
    public static bool IsUntouched(IReadOnlyList<MountainLevel> levels, IReadOnlyList<MountainLevel> defaults)
    {
        static string Key(MountainLevel l) => string.Join("\u001f", Cells(l).Select(x => (x ?? "").Trim()));
        var examples = defaults.Select(Key).ToHashSet(StringComparer.Ordinal);
        return examples.Count > 0 && levels.All(l => examples.Contains(Key(l)));
    }
}
