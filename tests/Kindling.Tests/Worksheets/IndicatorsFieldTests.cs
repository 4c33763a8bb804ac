using System.Text.RegularExpressions;
using Kindling.Domain;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Features.Worksheets.Fields;
using static Kindling.Tests.Charter.CharterSamples;

namespace Kindling.Tests.Worksheets;

/// <summary>The impact indicators field: its form, lines, charter blocks, picture and the rows a fresh copy starts
/// with.</summary>
public class IndicatorsFieldTests
{
    private static readonly WorksheetTemplate Impact = Template(
        "impact",
        "Community impact snapshot",
        Field("ind", FieldTypes.Indicators, "Impact indicators", CharterSections.Impact)
    );

    private static readonly TemplateField Ind = Impact.Field("ind")!;
    private static FieldType Type => FieldTypes.Of(Ind);

    private static FormState Form(params (string Part, string Value)[][] rows)
    {
        var form = new FormState();
        form.SetRows("f.ind", rows.Length);
        for (var r = 0; r < rows.Length; r++)
            foreach (var (part, value) in rows[r])
                form.Set($"f.ind.{r}.{part}", value);
        return form;
    }

    private static (string Part, string Value)[] Full(string name = "Returning members") =>
        [
            ("indicator", name),
            ("horizon", "12"),
            ("serves", "Members come back each month."),
            ("baseline", "5"),
            ("target", "30"),
            ("current", "14"),
            ("status", "at-risk"),
            ("source", "both"),
            ("audience", "Funders"),
        ];

    [Fact]
    public void Read_AFilledRow_KeepsEveryPartAndReadsBackTheSame()
    {
        var (data, errors) = WorksheetForm.Read(Impact, Form(Full()));

        Assert.Empty(errors);
        var expected = new ImpactIndicator(
            "Returning members",
            12,
            "Members come back each month.",
            "5",
            "30",
            "14",
            IndicatorStatus.AtRisk,
            IndicatorSource.Both,
            "Funders"
        );
        Assert.Equal([expected], data.Get<List<ImpactIndicator>>("ind"));
        Assert.Equal(data.RawOf("ind"), WorksheetForm.Canonical(Impact, data).RawOf("ind"));
    }

    [Fact]
    public void Read_NoStatusChosen_CountsAsNotStartedAndBlankRowsAreDropped()
    {
        var (data, errors) = WorksheetForm.Read(
            Impact,
            Form([("indicator", "Stories shared"), ("horizon", "6"), ("status", "")], [("status", "")])
        );

        Assert.Empty(errors);
        var row = Assert.Single(data.Get<List<ImpactIndicator>>("ind")!);
        Assert.Equal((IndicatorStatus.NotStarted, ""), (row.Status, row.Source));
    }

    [Fact]
    public void Read_ADraftWithOnlyAHorizonAndASuccess_IsKeptWithoutAProblem()
    {
        var (data, errors) = WorksheetForm.Read(Impact, Form([("horizon", "24"), ("serves", "A self-run group.")]));

        Assert.Empty(errors);
        var draft = Assert.Single(data.Get<List<ImpactIndicator>>("ind")!);
        Assert.False(draft.IsNamed);
        Assert.Empty(Type.Blocks(Ind, data));
    }

    public static TheoryData<string, string, string, string> Problems() =>
        new()
        {
            {
                "indicator",
                "",
                "f.ind.0.indicator",
                "Name the indicator in row 1 of ‘Impact indicators’: say what you will count or collect before "
                    + "giving its baseline, target, current value, status, source or audience."
            },
            {
                "horizon",
                "",
                "f.ind.0.horizon",
                "Choose by when ‘Returning members’ should show success: 6, 12 or 24 months."
            },
            {
                "horizon",
                "18",
                "f.ind.0.horizon",
                "Choose by when ‘Returning members’ should show success: 6, 12 or 24 months."
            },
            {
                "status",
                "finished",
                "f.ind.0.status",
                "Choose the status of ‘Returning members’: not started, on track, at risk or met."
            },
            {
                "source",
                "rumours",
                "f.ind.0.source",
                "Choose where the evidence for ‘Returning members’ comes from: numbers, stories, or both."
            },
            {
                "target",
                new string('x', 2001),
                "f.ind.0.target",
                "The target for ‘Returning members’ is too long: keep it to 2,000 characters (it has 2,001)."
            },
        };

    [Theory, MemberData(nameof(Problems))]
    public void Read_ABadPart_SaysWhichIndicatorAndWhatToDo(string part, string value, string input, string message)
    {
        var row = Full().Select(c => c.Part == part ? (part, value) : c).ToArray();

        var (_, errors) = WorksheetForm.Read(Impact, Form(row));

        var error = Assert.Single(errors);
        Assert.Equal((input, message), (error.InputName, error.Message));
    }

    [Fact]
    public void Lines_ShowEveryPartOfEachIndicatorAndMarkADraft()
    {
        var data = WorksheetForm.Read(Impact, Form(Full(), [("horizon", "6"), ("serves", "Twenty\nmembers")])).Data;

        Assert.Equal(
            [
                "12 months: Returning members | serves: Members come back each month. | baseline: 5 | target: 30"
                    + " | current: 14 | status: At risk | source: Numbers and stories | audience: Funders",
                "6 months: (indicator not chosen yet) | serves: Twenty members | baseline:  | target:  | current: "
                    + " | status: Not started | source:  | audience: ",
            ],
            Type.Lines(Ind, data)
        );
    }

    [Fact]
    public void Blocks_NamedIndicators_AreAPictureAndATableByHorizon()
    {
        var data = WorksheetForm
            .Read(
                Impact,
                Form(
                    Full(),
                    [("horizon", "24"), ("serves", "Draft only")],
                    [("indicator", "Newsletter readers"), ("horizon", "6"), ("status", "met"), ("source", "numbers")]
                )
            )
            .Data;

        var blocks = Type.Blocks(Ind, data);

        Assert.Equal(2, blocks.Count);
        var picture = Assert.IsType<DiagramBlock>(blocks[0]);
        Assert.Equal(FieldTypes.Indicators, picture.Kind);
        var table = Assert.IsType<TableBlock>(blocks[1]);
        Assert.Equal(
            [
                "Indicator",
                "By (months)",
                "Success it serves",
                "Baseline",
                "Target",
                "Current",
                "Status",
                "Source",
                "Audience",
            ],
            table.Columns
        );
        Assert.Equal(
            [
                ["Newsletter readers", "6", "", "", "", "", "Met", "Numbers", ""],
                [
                    "Returning members",
                    "12",
                    "Members come back each month.",
                    "5",
                    "30",
                    "14",
                    "At risk",
                    "Numbers and stories",
                    "Funders",
                ],
            ],
            table.Rows
        );
    }

    [Fact]
    public void Picture_TellsTheStatusByWordAndMark_NotByColourAlone()
    {
        var data = WorksheetForm.Read(Impact, Form(Full())).Data;

        var picture = Type.Picture(Ind, data)!;

        var texts = picture
            .Shapes.OfType<GroupShape>()
            .SelectMany(g => g.Children)
            .OfType<TextShape>()
            .Select(t => t.Content)
            .ToList();
        Assert.Contains("At risk", texts);
        Assert.Contains(IndicatorStatus.Mark(IndicatorStatus.AtRisk), texts);
        Assert.Contains("By 12 months: Returning members (at risk).", picture.Description);
    }

    [Fact]
    public void Charter_ImpactSection_ShowsTheTableAndDrawsThePictureInEveryExport()
    {
        var sheet = Sheet(Impact, Now, d => d.Set("ind", new List<ImpactIndicator> { Row("Returning members") }));

        var charter = CharterCompiler.Compile("P", "", [sheet], [], Now);

        var section = charter.Sections.Single(s => s.Key == CharterSections.Impact);
        Assert.Equal("Measuring impact", section.Title);
        var picture = Assert.IsType<DiagramBlock>(section.Blocks[0]);
        Assert.StartsWith("<svg", CharterDiagrams.Svg(picture));
        Assert.True(PngDiagramPainter.Write(CharterDiagrams.Build(picture), 1).Length > 0);
        using var tools = new Charter.ExportTools();
        var text = Regex.Replace(
            tools.PdfText(tools.Save("impact-charter.pdf", CharterPdf.Write(charter))),
            @"\s+",
            " "
        );
        Assert.DoesNotContain("could not be drawn", text);
        Assert.Contains("By 12 months", text); // drawn by the picture only
        Assert.Contains("Returning members", text);
        Assert.True(CharterDocx.Write(charter).Length > 0);
        Assert.Contains("| Returning members | 12 |", CharterMarkdown.Write(charter));
    }

    private static ImpactIndicator Row(string name) =>
        new(name, 12, "Members come back", "5", "30", "14", IndicatorStatus.OnTrack, IndicatorSource.Numbers, "Us");

    private static Worksheet CharterSheet(DateTime updated, SuccessDefinition success) =>
        Sheet(
            Template("charter", "Vision, mission and roadmap", Field("s", FieldTypes.Success, "Success", null)),
            updated,
            d => d.Set("s", success)
        );

    private static Project Project => new() { Name = "P", CreatedUtc = Now };

    [Fact]
    public void Start_ProjectWithAWrittenSuccess_StartsWithADraftRowPerWrittenHorizon()
    {
        var older = CharterSheet(Now.AddDays(-9), new SuccessDefinition("Old six", "Old twelve", "Old 24"));
        var newer = CharterSheet(Now.AddDays(-2), new SuccessDefinition("Twenty members", " ", "A self-run group"));
        var blank = CharterSheet(Now.AddDays(-1), new SuccessDefinition("", "", ""));

        var (copy, first) = MakeCopy.Create(Project, Impact, "u", Now, ProjectContext.Of([older, blank, newer]));

        var rows = WorksheetData.Parse(copy.DataJson).Get<List<ImpactIndicator>>("ind")!;
        Assert.Equal([(6, "Twenty members"), (24, "A self-run group")], rows.Select(r => (r.Horizon, r.Success)));
        Assert.All(rows, r => Assert.Equal(("", IndicatorStatus.NotStarted), (r.Indicator, r.Status)));
        Assert.Equal(copy.DataJson, first.DataJson);
        var (_, errors) = WorksheetForm.Read(Impact, WorksheetForm.ToForm(Impact, WorksheetData.Parse(copy.DataJson)));
        Assert.Empty(errors); // the fresh copy saves as it is
    }

    [Fact]
    public void Start_NoSuccessWritten_StartsEmpty()
    {
        var blank = CharterSheet(Now, new SuccessDefinition("", "", ""));

        var (copy, _) = MakeCopy.Create(Project, Impact, "u", Now, ProjectContext.Of([blank]));

        Assert.False(WorksheetData.Parse(copy.DataJson).Has("ind"));
    }
}
