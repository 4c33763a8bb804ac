using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.Practices;

/// <summary>Open practices and how far each is in place, with evidence and a next step; the template's options are
/// the practices a fresh copy starts with. Value: an array of <see cref="PracticeRow"/>.</summary>
public sealed class PracticesField() : PictureFieldType<List<PracticeRow>>(FieldTypes.Practices)
{
    public static readonly string[] Parts = ["practice", "state", "evidence", "next"];

    /// <summary>The parts a person writes: a row with none of them is blank (its state alone does not count).</summary>
    private static readonly string[] TextParts = ["practice", "evidence", "next"];

    public override TemplateKeys Keys { get; } = new(Options: KeyUse.Optional);

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        [new(FormState.Key(field.Id), 1)];

    public override void Start(TemplateField field, WorksheetData data) =>
        data.Set(field.Id, field.Options.Select(Untouched).ToList());

    private static PracticeRow Untouched(string practice) => new(practice, PracticeStates.NotYet, "", "");

    protected override List<PracticeRow> Empty => [];

    protected override Diagram Draw(List<PracticeRow> value) => PracticesDiagram.Build(value);

    protected override void Write(TemplateField field, List<PracticeRow>? value, FormState form) =>
        form.SetRows(
            FormState.Key(field.Id),
            (value ?? []).Select(p => new[] { p.Practice, PracticeStates.Of(p), p.Evidence, p.Next }).ToList(),
            Parts
        );

    protected override List<PracticeRow> Read(FieldReader read)
    {
        var rows = read.Rows(read.Field.Id, TextParts);
        StatesWithoutPractice(read, rows.Select(r => r.Row).ToHashSet());
        return rows.Select(r => ReadRow(read, r.Row)).ToList();
    }

    private static PracticeRow ReadRow(FieldReader read, int row)
    {
        var at = $"row {row + 1} of {read.Label}";
        var key = read.Key(row, "practice");
        var practice = read.Text(key, WorksheetForm.MaxText, $"The practice in {at}");
        if (practice.Length == 0)
            read.Error(key, $"Name the practice in {at}.");
        var name = practice.Length > 0 ? $"‘{practice}’" : at;
        var stateKey = read.Key(row, "state");
        var state = read.Form.Get(stateKey).Trim();
        if (!PracticeStates.IsKnown(state))
        {
            read.Error(stateKey, $"Choose how far {name} is in place: not yet, partly or in place.");
            state = PracticeStates.NotYet;
        }
        return new PracticeRow(
            practice,
            state,
            read.Text(read.Key(row, "evidence"), WorksheetForm.MaxCell, $"The evidence for {name}"),
            read.Text(read.Key(row, "next"), WorksheetForm.MaxCell, $"The next step for {name}")
        );
    }

    /// <summary>A row left without text but moved off "not yet" was meant to say something: ask for its
    /// practice rather than drop it.</summary>
    private static void StatesWithoutPractice(FieldReader read, HashSet<int> kept)
    {
        for (var r = 0; r < read.Form.Rows(read.Key()); r++)
        {
            var state = read.Form.Get(read.Key(r, "state")).Trim();
            var removed = read.Form.Get(read.Key(r, "remove")) is "on" or "true";
            if (!kept.Contains(r) && !removed && state.Length > 0 && state != PracticeStates.NotYet)
                read.Error(
                    read.Key(r, "practice"),
                    $"Row {r + 1} of {read.Label} is marked ‘{PracticeStates.Label(state).ToLowerInvariant()}’ but "
                        + "names no practice: name it, or set it back to not yet."
                );
        }
    }

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<PracticeRow>? value) =>
        (value ?? []).Select(Line).ToList();

    private static string Line(PracticeRow p) =>
        $"{p.Practice}: {PracticeStates.Label(PracticeStates.Of(p)).ToLowerInvariant()}"
        + (Has(p.Evidence) ? $" — evidence: {Flat(p.Evidence)}" : "")
        + (Has(p.Next) ? $" — next: {Flat(p.Next)}" : "");

    private static string Flat(string text) => string.Join(" / ", Split(text.Trim()));

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<PracticeRow>? value)
    {
        var list = (value ?? []).Where(p => Has(p.Practice)).ToList();
        if (!list.Any(p => IsWritten(field, p)))
            return [];
        return
        [
            PictureBlock("Open practices by state", list),
            new TableBlock(
                field.Label,
                ["Practice", "State", "Evidence", "Next step"],
                list.Select(p => Row(p.Practice, PracticeStates.Label(PracticeStates.Of(p)), p.Evidence, p.Next))
                    .ToList()
            ),
        ];
    }

    /// <summary>Has the person said anything about this practice beyond what a fresh copy starts with?</summary>
    private static bool IsWritten(TemplateField field, PracticeRow p) =>
        PracticeStates.Of(p) != PracticeStates.NotYet
        || Has(p.Evidence)
        || Has(p.Next)
        || !field.Options.Contains(p.Practice.Trim());
}
