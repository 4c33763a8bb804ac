using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Roadmap;

/// <summary>Milestones with due dates, drawn as a timeline. Value: an array of <see cref="Milestone"/>.</summary>
public sealed class RoadmapField() : PictureFieldType<List<Milestone>>(FieldTypes.Roadmap)
{
    public static readonly string[] Parts = ["title", "due", "scope", "resources", "risks"];

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        [new(FormState.Key(field.Id), 1)];

    protected override List<Milestone> Empty => [];

    protected override Diagram Draw(List<Milestone> value) => RoadmapDiagram.Build(value);

    protected override void Write(TemplateField field, List<Milestone>? value, FormState form) =>
        form.SetRows(
            FormState.Key(field.Id),
            (value ?? []).Select(m => new[] { m.Title, m.Due, m.Scope, m.Resources, m.Risks }).ToList(),
            Parts
        );

    protected override List<Milestone> Read(FieldReader read) =>
        read.Rows(read.Field.Id, Parts)
            .Select(r =>
            {
                var row = $"row {r.Row + 1} of {read.Label}";
                var title = read.Text(read.Key(r.Row, "title"), WorksheetForm.MaxText, $"The title in {row}");
                var name = title.Length > 0 ? $"‘{title}’" : row;
                if (title.Length == 0)
                    read.Error(read.Key(r.Row, "title"), $"Give the milestone in {row} a title.");
                string T(string p) => read.Text(read.Key(r.Row, p), WorksheetForm.MaxCell, $"The {p} of {name}");
                var due = read.Date(read.Key(r.Row, "due"), $"The due date of {name}");
                return new Milestone(title, due, T("scope"), T("resources"), T("risks"));
            })
            .ToList();

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<Milestone>? value) =>
        (value ?? [])
            .Select(m =>
                $"{(m.Due.Length > 0 ? m.Due : "no date")} {m.Title} | scope: {m.Scope}"
                + $" | resources: {m.Resources} | risks: {m.Risks}"
            )
            .ToList();

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<Milestone>? value)
    {
        var list = (value ?? [])
            .Where(m => Has(m.Title))
            .OrderBy(m => DateOnly.TryParseExact(m.Due, "yyyy-MM-dd", out var d) ? d : DateOnly.MaxValue)
            .ToList();
        if (list.Count == 0)
            return [];
        return
        [
            PictureBlock("Roadmap timeline", list),
            new TableBlock(
                field.Label,
                ["Milestone", "Due", "Scope", "Resources", "Risks"],
                list.Select(m => Row(m.Title, FormatDate(m.Due ?? ""), m.Scope, m.Resources, m.Risks)).ToList()
            ),
        ];
    }
}
