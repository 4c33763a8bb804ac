using Kindling.Domain;
using Kindling.Tests.Frameworks;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Features.Worksheets.Fields;
using static Kindling.Tests.Worksheets.TestTemplates;

namespace Kindling.Tests.Worksheets;

/// <summary>The open practices field: a row per practice with its state, evidence and next step.</summary>
public class PracticesFieldTests
{
    private static readonly WorksheetTemplate Template = Of(
        Field("open", FieldTypes.Practices, "Open practices", options: ["Licences", "Open meetings"])
    );
    private static TemplateField Open => Template.Field("open")!;
    private static FieldType Type => FieldTypes.Of(FieldTypes.Practices);

    private static FormState Form(params (string Practice, string State, string Evidence, string Next)[] rows)
    {
        var form = new FormState();
        form.SetRows("f.open", rows.Select(r => new[] { r.Practice, r.State, r.Evidence, r.Next }).ToList(), Parts);
        return form;
    }

    private static readonly string[] Parts = ["practice", "state", "evidence", "next"];

    private static (List<PracticeRow> Rows, IReadOnlyList<FieldError> Errors) Read(FormState form)
    {
        var (data, errors) = WorksheetForm.Read(Template, form);
        return (data.Get<List<PracticeRow>>("open") ?? [], errors);
    }

    private static WorksheetData With(params PracticeRow[] rows)
    {
        var data = WorksheetData.Empty();
        data.Set("open", rows.ToList());
        return data;
    }

    [Fact]
    public void Start_WithOptions_GivesOneNotYetRowPerOption()
    {
        var project = new Project
        {
            CohortId = Guid.NewGuid(),
            Name = "P",
            CreatedUtc = DateTime.UtcNow,
            CreatedById = "u",
        };
        var (sheet, _) = MakeCopy.Create(project, Template, "u", DateTime.UtcNow, ProjectContext.None);

        var rows = WorksheetData.Parse(sheet.DataJson).Get<List<PracticeRow>>("open");

        Assert.Equal(
            [new("Licences", PracticeStates.NotYet, "", ""), new("Open meetings", PracticeStates.NotYet, "", "")],
            rows
        );
    }

    [Fact]
    public void Start_WithoutOptions_StartsEmpty()
    {
        var field = Field("open", FieldTypes.Practices, "Open practices");
        var data = WorksheetData.Empty();

        Type.Start(field, data);

        Assert.Empty(data.Get<List<PracticeRow>>("open")!);
    }

    [Fact]
    public void Read_ValidRows_KeepsEachStateAndDropsBlankRows()
    {
        var form = Form(
            ("Licences", "in-place", "MIT on every repo", ""),
            ("", "not-yet", "", ""),
            ("Open meetings", "partly", "", "Publish the notes"),
            ("Recognition", "not-yet", "", "")
        );

        var (rows, errors) = Read(form);

        Assert.Empty(errors);
        Assert.Equal(
            [
                new("Licences", "in-place", "MIT on every repo", ""),
                new("Open meetings", "partly", "", "Publish the notes"),
                new("Recognition", "not-yet", "", ""),
            ],
            rows
        );
    }

    [Fact]
    public void Read_RowTickedRemove_IsDropped()
    {
        var form = Form(("Licences", "partly", "", ""), ("Open meetings", "in-place", "", ""));
        form.Set("f.open.0.remove", "on");

        var (rows, errors) = Read(form);

        Assert.Empty(errors);
        Assert.Equal("Open meetings", Assert.Single(rows).Practice);
    }

    [Theory]
    [InlineData("done")]
    [InlineData("In place")]
    [InlineData("")]
    public void Read_UnknownState_NamesThePracticeAndTheStates(string state)
    {
        var (_, errors) = Read(Form(("Licences", state, "", "")));

        var e = Assert.Single(errors);
        Assert.Equal("f.open.0.state", e.InputName);
        Assert.Equal("Choose how far ‘Licences’ is in place: not yet, partly or in place.", e.Message);
    }

    [Fact]
    public void Read_EvidenceWithoutAPractice_AsksForThePractice()
    {
        var (_, errors) = Read(Form(("", "partly", "We have a licence", "")));

        var e = Assert.Single(errors);
        Assert.Equal(
            ("f.open.0.practice", "Name the practice in row 1 of ‘Open practices’."),
            (e.InputName, e.Message)
        );
    }

    [Fact]
    public void Read_AStateAloneOnABlankRow_AsksForThePracticeInsteadOfDroppingIt()
    {
        var (_, errors) = Read(Form(("Licences", "partly", "", ""), ("", "in-place", "", "")));

        var e = Assert.Single(errors);
        Assert.Equal("f.open.1.practice", e.InputName);
        Assert.Equal(
            "Row 2 of ‘Open practices’ is marked ‘in place’ but names no practice: name it, or set it back to not yet.",
            e.Message
        );
    }

    [Fact]
    public void Read_TooLongTexts_SayWhichAndHowLong()
    {
        var form = Form(
            (new string('p', WorksheetForm.MaxText + 1), "partly", "", ""),
            (
                "Licences",
                "partly",
                new string('e', WorksheetForm.MaxCell + 1),
                new string('n', WorksheetForm.MaxCell + 5)
            )
        );

        var (_, errors) = Read(form);

        Assert.Equal(
            [
                (
                    "f.open.0.practice",
                    "The practice in row 1 of ‘Open practices’ is too long: keep it to 500 characters (it has 501)."
                ),
                (
                    "f.open.1.evidence",
                    "The evidence for ‘Licences’ is too long: keep it to 2,000 characters (it has 2,001)."
                ),
                (
                    "f.open.1.next",
                    "The next step for ‘Licences’ is too long: keep it to 2,000 characters (it has 2,005)."
                ),
            ],
            errors.Select(e => (e.InputName, e.Message))
        );
    }

    [Fact]
    public void ToFormThenRead_GivesTheSameData()
    {
        var data = With(
            new("Licences", "in-place", "MIT\nand CC BY", "Check the docs"),
            new("Open meetings", "partly", "", "")
        );

        var (read, errors) = WorksheetForm.Read(Template, WorksheetForm.ToForm(Template, data));

        Assert.Empty(errors);
        Assert.Equal(data.RawOf("open"), read.RawOf("open"));
    }

    [Fact]
    public void Lines_SayEachPracticeItsStateAndWhatWasWritten()
    {
        var data = With(
            new("Licences", "partly", "", "Add a licence file"),
            new("Open meetings", "in-place", "Notes online\nsince May", ""),
            new("Recognition", "not-yet", "", "")
        );

        Assert.Equal(
            [
                "Licences: partly — next: Add a licence file",
                "Open meetings: in place — evidence: Notes online / since May",
                "Recognition: not yet",
            ],
            Type.Lines(Open, data)
        );
    }

    [Fact]
    public void Blocks_FreshCopy_AreEmptyUntilSomethingIsSaid()
    {
        var fresh = With(new("Licences", "not-yet", "", ""), new("Open meetings", "not-yet", "", ""));

        Assert.Empty(Type.Blocks(Open, fresh));
    }

    [Theory]
    [InlineData("partly", "", "")]
    [InlineData("not-yet", "Nothing yet", "")]
    [InlineData("not-yet", "", "Ask the board")]
    public void Blocks_AnyPracticeAssessed_GivePictureThenTable(string state, string evidence, string next)
    {
        var data = With(new("Licences", state, evidence, next), new("Open meetings", "not-yet", "", ""));

        var blocks = Type.Blocks(Open, data);

        Assert.Collection(
            blocks,
            b =>
                Assert.Equal(
                    ("practices", "Open practices by state"),
                    (((DiagramBlock)b).Kind, ((DiagramBlock)b).Title)
                ),
            b =>
            {
                var table = Assert.IsType<TableBlock>(b);
                Assert.Equal("Open practices", table.Label);
                Assert.Equal(["Practice", "State", "Evidence", "Next step"], table.Columns);
                Assert.Equal(
                    [
                        ["Licences", PracticeStates.Label(state), evidence, next],
                        ["Open meetings", "Not yet", "", ""],
                    ],
                    table.Rows
                );
            }
        );
    }

    [Fact]
    public void Blocks_APracticeOfTheirOwn_CountsAsWritten()
    {
        var data = With(new("Licences", "not-yet", "", ""), new("Shared calendar", "not-yet", "", ""));

        Assert.Equal(2, Type.Blocks(Open, data).Count);
    }

    [Fact]
    public void Picture_ShowsEveryPracticeUnderItsStateInWords()
    {
        var data = With(
            new("Licences", "in-place", "", ""),
            new("Open meetings", "partly", "", "Publish the notes"),
            new("Recognition", "not-yet", "", ""),
            new("Open data", "not-yet", "", "")
        );

        var d = Type.Picture(Open, data)!;
        var root = Svg.Parse(d);

        var texts = root.Texts();
        Assert.Contains("In place (1)", texts);
        Assert.Contains("Partly (1)", texts);
        Assert.Contains("Not yet (2)", texts);
        Assert.Contains("In place: 1 · Partly: 1 · Not yet: 2", texts);
        Assert.Contains("Next: Publish the notes", texts);
        var practices = root.WithClass("practice").ToList();
        Assert.Equal(
            [
                ("Licences", "in-place"),
                ("Open meetings", "partly"),
                ("Recognition", "not-yet"),
                ("Open data", "not-yet"),
            ],
            practices.Select(p => (p.Texts().First(t => t != "✓"), p.Data("state")))
        );
        Assert.Contains("✓", practices[0].Texts()); // in place is ticked in text, not only coloured
        Assert.Contains("In place (1): Licences.", d.Description);
        Assert.Contains("Not yet (2): Recognition, Open data.", d.Description);
    }

    [Fact]
    public void Picture_Empty_SaysThereAreNoPracticesYet()
    {
        var root = Svg.Parse(Type.Picture(Open, WorksheetData.Empty())!);

        Assert.Contains("No practices yet", root.Texts());
        Assert.Contains("None yet", root.Texts());
    }
}
