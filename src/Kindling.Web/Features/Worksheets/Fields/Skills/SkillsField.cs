using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Skills;

/// <summary>The skills wheel: each of <see cref="SkillAreas.All"/> rated for the team and the community, with gaps.
/// Value: an array of <see cref="SkillRating"/>, one per area.</summary>
public sealed class SkillsField() : PictureFieldType<List<SkillRating>>(FieldTypes.Skills)
{
    private static readonly string[] Parts = ["area", "team", "community", "gaps", "who"];

    private static SkillRating Unrated(string area) => new(area, 0, 0, "", "");

    public override void Start(TemplateField field, WorksheetData data) =>
        data.Set(field.Id, SkillAreas.All.Select(Unrated).ToList());

    protected override List<SkillRating> Empty => [];

    protected override Diagram Draw(List<SkillRating> value) => SkillsWheelDiagram.Build(value);

    protected override void Write(TemplateField field, List<SkillRating>? value, FormState form)
    {
        var all = SkillAreas.All.Select(a => (value ?? []).FirstOrDefault(r => r.Area == a) ?? Unrated(a));
        form.SetRows(
            FormState.Key(field.Id),
            all.Select(r => new[] { r.Area, Num(r.Team), Num(r.Community), r.Gaps, r.WhoCouldFill }).ToList(),
            Parts
        );
    }

    protected override List<SkillRating> Read(FieldReader read) =>
        SkillAreas
            .All.Select(
                (area, i) =>
                    new SkillRating(
                        area,
                        read.Number(read.Key(i, "team"), 0, SkillAreas.Max, $"The team rating for {area} skills") ?? 0,
                        read.Number(
                            read.Key(i, "community"),
                            0,
                            SkillAreas.Max,
                            $"The community rating for {area} skills"
                        ) ?? 0,
                        read.Text(read.Key(i, "gaps"), WorksheetForm.MaxCell, $"The gaps for {area} skills"),
                        read.Text(read.Key(i, "who"), WorksheetForm.MaxCell, $"Who could fill the {area} gaps")
                    )
            )
            .ToList();

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<SkillRating>? value) =>
        (value ?? [])
            .Select(r =>
                $"{r.Area}: team {r.Team}, community {r.Community} | gaps: {r.Gaps}"
                + $" | who could fill: {r.WhoCouldFill}"
            )
            .ToList();

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<SkillRating>? value)
    {
        var list = (value ?? []).Where(r => Has(r.Area)).ToList();
        if (!list.Any(r => r.Team > 0 || r.Community > 0 || Has(r.Gaps) || Has(r.WhoCouldFill)))
            return [];
        return
        [
            PictureBlock("Community skills wheel", list),
            new TableBlock(
                field.Label,
                ["Skill area", "Team (0–5)", "Community (0–5)", "Gaps", "Who could fill them"],
                list.Select(r => Row(r.Area, Num(r.Team), Num(r.Community), r.Gaps, r.WhoCouldFill)).ToList()
            ),
        ];
    }
}
