using DocumentFormat.OpenXml.Packaging;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Markdig;
using static Kindling.Tests.Charter.CharterSamples;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Kindling.Tests.Charter;

/// <summary>The open practices and event timeline pictures go wherever pictures go: the charter page's SVG, the PDF,
/// the Word file and (as their tables) the Markdown.</summary>
public class PracticesAndTimelineExportTests : IDisposable
{
    private readonly ExportTools _tools = new();

    public void Dispose()
    {
        _tools.Dispose();
        GC.SuppressFinalize(this);
    }

    private static CharterDocument Charter()
    {
        var template = Template(
            "open-event",
            "Open practices and events",
            Field("open", FieldTypes.Practices, "Open practices", CharterSections.Openness),
            Field("plan", FieldTypes.EventTimeline, "Event checklist", null)
        );
        var sheet = Sheet(
            template,
            Now,
            d =>
            {
                d.Set(
                    "open",
                    new List<PracticeRow>
                    {
                        new("Licences", PracticeStates.InPlace, "MIT on every repository", ""),
                        new("Open meetings", PracticeStates.Partly, "", "Publish the notes"),
                        new("Contributor credit", PracticeStates.NotYet, "", ""),
                    }
                );
                d.Set(
                    "plan",
                    new List<EventTask>
                    {
                        new(EventPhases.During, "", "Welcome newcomers", "Ben", false),
                        new(EventPhases.Before, "6 weeks before", "Book the venue", "Ana", true),
                    }
                );
            }
        );
        return CharterCompiler.Compile("Riverside Bike Kitchen", "", [sheet], [], Now);
    }

    [Fact]
    public void Compile_Practices_FillTheOpenPracticesSectionWithPictureAndTable()
    {
        var section = Charter().Sections.Single(s => s.Key == CharterSections.Openness);

        Assert.Equal("Open practices", section.Title);
        var picture = Assert.IsType<DiagramBlock>(section.Blocks[0]);
        var svg = CharterDiagrams.Svg(picture);
        Assert.Contains("<title", svg);
        Assert.Contains("Contributor credit", svg);
        Assert.Contains("Not yet (1)", svg);
        Assert.IsType<TableBlock>(section.Blocks[1]);
    }

    [Fact]
    public void Pdf_PaintsBothPicturesWithTheirWords()
    {
        var pdf = _tools.Save("open-event.pdf", CharterPdf.Write(Charter()));

        var text = _tools.PdfText(pdf);
        Assert.DoesNotContain("could not be drawn", text);
        Assert.Contains("In place (1)", text); // only the practices picture says this
        Assert.Contains("1 of 1 done", text); // only the timeline picture says this
        Assert.Contains("Ana · ✓ done", text);
        Assert.Contains("Publish the notes", text);
    }

    [Fact]
    public void Docx_EmbedsBothPicturesWithAltTextAndKeepsTheTables()
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(CharterDocx.Write(Charter())), false);

        var body = word.MainDocumentPart!.Document.Body!;
        Assert.Equal(
            ["Open practices by state", "Event timeline"],
            body.Descendants<DW.Inline>().Select(i => i.DocProperties!.Title!.Value)
        );
        Assert.Contains("Contributor credit", body.InnerText);
        Assert.Contains("✓ Done", body.InnerText);
    }

    [Fact]
    public void Markdown_NamesThePicturesAndCarriesTheirData()
    {
        var md = CharterMarkdown.Write(Charter());

        var html = Markdown.ToHtml(md, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        Assert.Contains("Picture: Open practices by state", html);
        Assert.Contains("Picture: Event timeline", html);
        Assert.Contains("<td>Open meetings</td>", html);
        Assert.Contains("<td>Partly</td>", html);
        Assert.Contains("<td>Book the venue</td>", html);
        Assert.Contains("<td>✓ Done</td>", html);
    }
}
