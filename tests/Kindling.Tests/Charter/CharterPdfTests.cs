using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static Kindling.Tests.Charter.CharterSamples;

namespace Kindling.Tests.Charter;

public class CharterPdfTests : IDisposable
{
    private readonly ExportTools _tools = new();

    public void Dispose()
    {
        _tools.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Write_FullCharter_PagesAreNotBlankAndHeadingsAreText()
    {
        var charter = FullCharter();

        var pdf = _tools.Save("charter.pdf", CharterPdf.Write(charter, _ => Picture()));

        var pages = _tools.Pages(pdf);
        Assert.NotEmpty(pages);
        Assert.All(pages, p => Assert.True(p.DarkPixels() > 50, "a page came out blank"));
        var text = _tools.PdfText(pdf);
        Assert.Contains("Riverside Bike Kitchen", text);
        Assert.Contains("Community charter", text);
        Assert.All(charter.Sections, s => Assert.Contains(s.Title, text));
        Assert.Contains("Town council", text);
        Assert.Contains("First workshop", text);
        Assert.Contains("From the worksheet ‘Vision, mission and roadmap’", text);
        Assert.DoesNotContain("font cannot show", text);
    }

    [Fact]
    public void Write_LongTextAndEmoji_FlowsOverPagesWithAFallbackForMissingGlyphs()
    {
        var longVision = string.Join(
            "\n",
            Enumerable.Range(1, 120).Select(i => $"Line {i} of a very long vision 🚲 with a bike emoji and 中文.")
        );
        var rows = Enumerable
            .Range(1, 80)
            .Select(i => new List<string> { $"Agreement {i}", new string('x', 300) })
            .ToList();
        var sheet = Sheet(
            Full,
            Now,
            d =>
            {
                d.Set("vision", longVision);
                d.Set("conduct", rows);
                d.Set("mission", "Grow 🌱 together ❤️");
            }
        );
        var charter = CharterCompiler.Compile("Emoji 🚲 Club", "", [sheet], [], Now);

        var pdf = _tools.Save("long.pdf", CharterPdf.Write(charter));

        var pages = _tools.Pages(pdf);
        Assert.True(pages.Count >= 4, $"expected the long text to flow over several pages, got {pages.Count}");
        Assert.All(pages, p => Assert.True(p.DarkPixels() > 50));
        var text = _tools.PdfText(pdf);
        Assert.Contains("Line 120 of a very long vision", text);
        Assert.Contains("Agreement 80", text);
        Assert.Contains($"Grow {CharterFonts.Replacement} together", text);
        Assert.Contains($"Emoji {CharterFonts.Replacement} Club", text);
        Assert.Contains("marks a character this PDF's font cannot show", text);
        Assert.All(charter.Sections, s => Assert.Contains(s.Title, text));
    }

    [Fact]
    public void Write_FrameworkRenderers_PaintEveryPicture()
    {
        var charter = FullCharter();

        var pdf = _tools.Save("pictures.pdf", CharterPdf.Write(charter));

        var text = _tools.PdfText(pdf);
        Assert.DoesNotContain("could not be drawn", text);
        Assert.Contains("Monitor and anticipate", text); // a grid quadrant with nobody in it: only the picture says it
        Assert.Contains("In 24 months", text);
        Assert.All(_tools.Pages(pdf), p => Assert.True(p.DarkPixels() > 50));
    }

    [Fact]
    public void Write_FullCharter_EmbedsTheShippedFontsOnly()
    {
        var pdf = _tools.Save("fonts.pdf", CharterPdf.Write(FullCharter(), _ => Picture()));

        var fonts = ExportTools
            .Run("pdffonts", TimeSpan.FromMinutes(1), pdf)
            .Split('\n')
            .Skip(2)
            .Where(l => l.Trim().Length > 0)
            .ToList();

        Assert.NotEmpty(fonts);
        Assert.All(fonts, l => Assert.Contains("DejaVu Sans", l));
        Assert.All(fonts, l => Assert.Matches(@"\syes\s+yes\s", l));
    }

    [Fact]
    public void Write_WhenAPictureCannotBeDrawn_SaysSoAndKeepsTheData()
    {
        var pdf = _tools.Save("nopicture.pdf", CharterPdf.Write(FullCharter(), _ => null));

        var text = _tools.PdfText(pdf);
        Assert.Contains("the picture could not be drawn here", text);
        Assert.Contains("Town council", text);
    }

    [Fact]
    public void Painter_HandBuiltDiagram_PaintsShapesWhereTheyBelong()
    {
        using var doc = new PdfDocument();
        var page = doc.AddPage();
        page.Width = XUnit.FromPoint(400);
        page.Height = XUnit.FromPoint(200);
        using (var g = XGraphics.FromPdfPage(page))
            PdfDiagramPainter.Paint(g, Picture(), new XRect(0, 0, 400, 200));
        using var stream = new MemoryStream();
        doc.Save(stream);

        var path = _tools.Save("picture.pdf", stream.ToArray());
        var image = _tools.Pages(path, dpi: 72).Single();

        Assert.True(image.At(image.Width / 4, image.Height / 2) < 160, "the red block is missing");
        Assert.True(image.At(image.Width * 3 / 4, image.Height / 2) < 160, "the blue dot is missing");
        Assert.True(image.At(image.Width * 9 / 10, image.Height / 5) > 240, "paint appeared where nothing was drawn");
        Assert.Contains("Label", _tools.PdfText(path));
    }

    [Theory]
    [InlineData("#ff0000", 1, 255, 0, 0, 255)]
    [InlineData("#0f0", 0.5, 0, 255, 0, 128)]
    public void Painter_Colours_ParseHex(string value, double opacity, int r, int g, int b, int a)
    {
        var c = PdfDiagramPainter.Color(value, opacity)!.Value;
        Assert.Equal((r, g, b, a), (c.R, c.G, c.B, (int)Math.Round(c.A * 255)));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("")]
    [InlineData(null)]
    public void Painter_NoColour_PaintsNothing(string? value) => Assert.Null(PdfDiagramPainter.Color(value, 1));
}
