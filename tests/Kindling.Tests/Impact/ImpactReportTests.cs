using Kindling.Domain;
using Kindling.Tests.Charter;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Impact;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using static Kindling.Tests.Charter.CharterSamples;

namespace Kindling.Tests.Impact;

/// <summary>The impact report over a worksheet's review snapshots, and its Markdown, chart and PDF.</summary>
public sealed class ImpactReportTests : IDisposable
{
    private readonly ExportTools _tools = new();

    public void Dispose() => _tools.Dispose();

    private static readonly WorksheetTemplate Impact = Template(
        "impact",
        "Community impact snapshot",
        Field("notes", FieldTypes.LongText, "Notes", null),
        Field("ind", FieldTypes.Indicators, "Impact indicators", CharterSections.Impact)
    );

    private static ImpactIndicator I(string name, string status, string current, int months = 12) =>
        new(name, months, $"Success for {name}", "0", "30", current, status, IndicatorSource.Numbers, "Funders");

    private static string Data(params ImpactIndicator[] indicators)
    {
        var d = WorksheetData.Empty();
        d.Set("ind", indicators.ToList());
        return d.ToJson();
    }

    private static WorksheetVersion Version(Worksheet w, int number, string? label, string json) =>
        new()
        {
            WorksheetId = w.Id,
            Number = number,
            Label = label,
            DataJson = json,
            SavedUtc = Now.AddDays(-100 + 10 * number),
        };

    /// <summary>Two labelled reviews, unlabelled saves between them, and the worksheet now.</summary>
    private static (Worksheet Sheet, List<WorksheetVersion> Versions) Reviewed()
    {
        var sheet = Sheet(
            Impact,
            Now,
            d =>
                d.Set(
                    "ind",
                    new List<ImpactIndicator>
                    {
                        I("Returning members", IndicatorStatus.Met, "31"),
                        I("Stories | shared", IndicatorStatus.AtRisk, "2", months: 6),
                        I("Newsletter readers", IndicatorStatus.OnTrack, "120", months: 24),
                    }
                )
        );
        List<WorksheetVersion> versions =
        [
            Version(
                sheet,
                4,
                "Annual review",
                Data(
                    I("returning  MEMBERS", IndicatorStatus.OnTrack, "20"),
                    I("Stories | shared", IndicatorStatus.OnTrack, "6", months: 6),
                    I("Event count", IndicatorStatus.AtRisk, "1")
                )
            ),
            Version(sheet, 1, null, Data()),
            Version(
                sheet,
                2,
                "Mid-year review",
                Data(
                    I("Returning members", IndicatorStatus.NotStarted, ""),
                    I("Stories | shared", IndicatorStatus.OnTrack, "3", months: 6)
                )
            ),
            Version(sheet, 3, null, Data(I("Returning members", IndicatorStatus.AtRisk, "9"))),
            new WorksheetVersion
            {
                WorksheetId = Guid.NewGuid(),
                Number = 5,
                Label = "Someone else's",
                DataJson = "{}",
            },
        ];
        return (sheet, versions);
    }

    private static ImpactReport Report()
    {
        var (sheet, versions) = Reviewed();
        return ImpactReportBuilder.Build("Riverside Bike Kitchen", [(sheet, versions)], Now);
    }

    [Fact]
    public void Build_TwoLabelledVersionsAndNow_GivesThreeColumnsWithTheStatusOfEach()
    {
        var sheet = Assert.Single(Report().Sheets);

        Assert.Equal(
            [("Mid-year review", false), ("Annual review", false), ("Now", true)],
            sheet.Snapshots.Select(s => (s.Label, s.IsNow))
        );
        string[] Statuses(string name) =>
            sheet.Rows.Single(r => r.Indicator == name).Cells.Select(c => c?.Status ?? "-").ToArray();
        Assert.Equal(
            [IndicatorStatus.NotStarted, IndicatorStatus.OnTrack, IndicatorStatus.Met],
            Statuses("Returning members")
        );
        Assert.Equal(
            [IndicatorStatus.OnTrack, IndicatorStatus.OnTrack, IndicatorStatus.AtRisk],
            Statuses("Stories | shared")
        );
        Assert.Equal(["-", "-", IndicatorStatus.OnTrack], Statuses("Newsletter readers"));
        Assert.Equal(["-", IndicatorStatus.AtRisk, "-"], Statuses("Event count"));
        Assert.Equal(
            ["", "20", "31"],
            sheet.Rows.Single(r => r.Indicator == "Returning members").Cells.Select(c => c!.Current)
        );
    }

    [Fact]
    public void Build_RowsFollowTheWorksheetNow_ThenIndicatorsDroppedSince()
    {
        var sheet = Assert.Single(Report().Sheets);

        Assert.Equal(
            ["Stories | shared", "Returning members", "Newsletter readers", "Event count"],
            sheet.Rows.Select(r => r.Indicator)
        );
        var dropped = sheet.Rows[^1];
        Assert.Null(dropped.Now);
        Assert.Equal(("Success for Event count", "30", "Funders"), (dropped.Success, dropped.Target, dropped.Audience));
    }

    [Fact]
    public void Build_SummaryAndCounts_AreAboutNow()
    {
        var report = Report();
        var sheet = report.Sheets[0];

        Assert.Equal(3, report.IndicatorsNow);
        Assert.Equal([1, 1, 1, 0], report.Now.Select(x => x.Count));
        Assert.Equal(
            "Now, of 3 indicators: 1 met, 1 on track, 1 at risk and 0 not started.",
            ImpactText.Summary(report)
        );
        Assert.Equal([0, 1, 0, 1], sheet.Counts(0));
        Assert.Equal([0, 2, 1, 0], sheet.Counts(1));
    }

    [Fact]
    public void Build_AWorksheetWithoutIndicators_IsLeftOut()
    {
        var other = Sheet(Template("c", "Charter", Field("v", FieldTypes.LongText, "Vision", null)), Now, _ => { });

        var report = ImpactReportBuilder.Build("P", [(other, [])], Now);

        Assert.False(ImpactReportBuilder.HasIndicators(other));
        Assert.Empty(report.Sheets);
        Assert.Equal("No indicators are named yet.", ImpactText.Summary(report));
    }

    [Fact]
    public void Chart_HasATitleADescriptionAndOneBarPerSnapshot()
    {
        var sheet = Report().Sheets[0];

        var chart = ImpactChart.Build(sheet);
        var svg = SvgWriter.Write(chart);

        Assert.Contains("<title", svg);
        Assert.Contains("Mid-year review (", chart.Description);
        Assert.Contains("Now: 1 met, 1 on track, 1 at risk and 0 not started.", chart.Description);
        Assert.Equal(3, chart.Shapes.OfType<GroupShape>().Count());
    }

    [Fact]
    public void Markdown_HasTheSummaryTablesPerSnapshotAndTheCredit()
    {
        var md = ImpactMarkdown.Write(Report());

        Assert.StartsWith("# Riverside Bike Kitchen: impact report\n", md);
        Assert.Contains("Now, of 3 indicators: 1 met, 1 on track, 1 at risk and 0 not started.", md);
        Assert.Contains("## Community impact snapshot", md);
        Assert.Contains(
            "| Indicator | Mid-year review (7 September 2026) | Annual review (27 September 2026) | Now |",
            md
        );
        Assert.Contains("| Returning members | Not started | On track: 20 | Met: 31 |", md);
        Assert.Contains(@"| Stories \| shared |", md); // people's text stays text inside a table
        Assert.Contains("| Event count | Not tracked then | At risk: 1 | Not tracked then |", md);
        Assert.Contains("Success for Returning members", md);
        Assert.EndsWith(ImpactText.Attribution + "\n", md);
    }

    [Fact]
    public void Pdf_IsARealPdfWithTheIndicatorsAndTheShippedFonts()
    {
        var pdf = _tools.Save("impact.pdf", ImpactPdf.Write(Report()));

        var text = _tools.PdfText(pdf);
        Assert.Contains("Impact report", text);
        Assert.Contains("Returning members", text);
        Assert.Contains("Mid-year review", text);
        Assert.Contains("Compiled with Kindling.", text);
        var fonts = ExportTools
            .Run("pdffonts", TimeSpan.FromMinutes(1), pdf)
            .Split('\n')
            .Skip(2)
            .Where(l => l.Trim().Length > 0);
        Assert.All(fonts, l => Assert.Contains("DejaVu Sans", l));
        Assert.All(_tools.Pages(pdf), p => Assert.True(p.DarkPixels() > 50, "a page came out blank"));
    }

    [Fact]
    public void Pdf_NoIndicatorWorksheet_SaysWhatToDo()
    {
        var pdf = _tools.Save("empty.pdf", ImpactPdf.Write(ImpactReportBuilder.Build("P", [], Now)));

        Assert.Contains(
            "Make a copy of the impact assignment",
            System.Text.RegularExpressions.Regex.Replace(_tools.PdfText(pdf), @"\s+", " ")
        );
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
    }
}
