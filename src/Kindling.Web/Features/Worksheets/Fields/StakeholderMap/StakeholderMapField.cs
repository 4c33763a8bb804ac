using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.StakeholderMap;

/// <summary>The power and interest grid: stakeholders placed by power and interest, with a draggable picture.
/// Value: an array of <see cref="Stakeholder"/>.</summary>
public sealed class StakeholderMapField() : PictureFieldType<List<Stakeholder>>(FieldTypes.StakeholderMap)
{
    public static readonly string[] Parts = ["name", "role", "participation", "power", "interest"];

    public override string Script => "/js/worksheets/stakeholder-map.js";

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        [new(FormState.Key(field.Id), 1)];

    /// <summary>The quadrant the typed numbers put a stakeholder in, or a dash while they are not valid.</summary>
    public static string QuadrantLabel(string power, string interest) =>
        int.TryParse(power, out var p) && int.TryParse(interest, out var i) && InRange(p) && InRange(i)
            ? StakeholderGrid.Label(StakeholderGrid.QuadrantOf(p, i))
            : "—";

    private static bool InRange(int n) => n is >= StakeholderGrid.Min and <= StakeholderGrid.Max;

    protected override List<Stakeholder> Empty => [];

    protected override Diagram Draw(List<Stakeholder> value) => StakeholderGridDiagram.Build(value);

    protected override void Write(TemplateField field, List<Stakeholder>? value, FormState form) =>
        form.SetRows(
            FormState.Key(field.Id),
            (value ?? [])
                .Select(s => new[] { s.Name, s.Role, s.Participation, Num(s.Power), Num(s.Interest) })
                .ToList(),
            Parts
        );

    protected override List<Stakeholder> Read(FieldReader read) =>
        read.Rows(read.Field.Id, Parts)
            .Select(r =>
            {
                var key = read.Key(r.Row, "name");
                var name = read.Text(key, WorksheetForm.MaxText, $"The stakeholder name in row {r.Row + 1}");
                var who = name.Length > 0 ? $"‘{name}’" : $"row {r.Row + 1} of {read.Label}";
                if (name.Length == 0)
                    read.Error(key, $"Name the stakeholder in row {r.Row + 1} of {read.Label}.");
                int? Scale(string part, string what) =>
                    read.Number(read.Key(r.Row, part), StakeholderGrid.Min, StakeholderGrid.Max, $"{what} for {who}");
                var power = Scale("power", "Power");
                var interest = Scale("interest", "Interest");
                return new Stakeholder(
                    name,
                    read.Text(read.Key(r.Row, "role"), WorksheetForm.MaxText, $"The role of {who}"),
                    read.Text(
                        read.Key(r.Row, "participation"),
                        WorksheetForm.MaxCell,
                        $"The nature of participation of {who}"
                    ),
                    power ?? StakeholderGrid.Min,
                    interest ?? StakeholderGrid.Min
                );
            })
            .ToList();

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<Stakeholder>? value) =>
        (value ?? [])
            .Select(s =>
                $"{s.Name} | {s.Role} | {s.Participation} | power {s.Power}, interest {s.Interest}"
                + $" ({Quadrant(s)})"
            )
            .ToList();

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<Stakeholder>? value)
    {
        var list = (value ?? []).Where(s => Has(s.Name)).ToList();
        if (list.Count == 0)
            return [];
        return
        [
            PictureBlock("Power and interest grid", list),
            new TableBlock(
                field.Label,
                ["Stakeholder", "Role", "Nature of participation", "Power", "Interest", "Approach"],
                list.Select(s => Row(s.Name, s.Role, s.Participation, Num(s.Power), Num(s.Interest), Quadrant(s)))
                    .ToList()
            ),
        ];
    }

    private static string Quadrant(Stakeholder s) =>
        StakeholderGrid.Label(StakeholderGrid.QuadrantOf(s.Power, s.Interest));
}
