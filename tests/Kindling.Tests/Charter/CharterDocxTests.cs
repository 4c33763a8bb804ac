using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using SkiaSharp;
using static Kindling.Tests.Charter.CharterSamples;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Kindling.Tests.Charter;

public class CharterDocxTests : IDisposable
{
    private readonly ExportTools _tools = new();

    public void Dispose()
    {
        _tools.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Write_FullCharter_IsValidOpenXmlWithHeadingStylesBulletsAndTables()
    {
        var bytes = CharterDocx.Write(FullCharter());

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = word.MainDocumentPart!.Document.Body!;
        string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        Assert.Equal(
            FullCharter().Sections.Select(s => s.Title),
            body.Elements<Paragraph>().Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText)
        );
        Assert.Equal("Riverside Bike Kitchen", body.Elements<Paragraph>().First(p => StyleOf(p) == "Title").InnerText);
        Assert.Contains(
            body.Elements<Paragraph>(),
            p => StyleOf(p) == "ListBullet" && p.InnerText == "Decisions by consent"
        );
        Assert.NotNull(word.MainDocumentPart.NumberingDefinitionsPart);
        Assert.Contains(
            word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>(),
            s => s.StyleId == "Heading1"
        );
        var tables = body.Elements<Table>().ToList();
        Assert.Contains(tables, t => t.InnerText.Contains("Town council") && t.InnerText.Contains("Manage closely"));
        Assert.Contains(tables, t => t.InnerText.Contains("First workshop"));
    }

    [Fact]
    public void Write_FullCharter_EmbedsEveryPictureThePdfHasAsAPngWithItsWordsAndAltText()
    {
        var charter = FullCharter();
        var pictures = Pictures(charter);
        Assert.True(
            pictures.Count >= 5,
            $"the sample charter should have its framework pictures, found {pictures.Count}"
        );

        using var word = WordprocessingDocument.Open(new MemoryStream(CharterDocx.Write(charter)), false);

        var main = word.MainDocumentPart!;
        Assert.DoesNotContain("the picture is in the PDF", main.Document.Body!.InnerText);
        var inlines = main.Document.Body.Descendants<DW.Inline>().ToList();
        Assert.Equal(pictures.Count, inlines.Count);
        Assert.Equal(pictures.Count, main.ImageParts.Count());
        foreach (var (d, inline) in pictures.Zip(inlines))
        {
            Assert.Equal(d.Title, inline.DocProperties!.Title!.Value);
            Assert.Equal(d.Description, inline.DocProperties.Description!.Value);
            var (cx, cy) = (inline.Extent!.Cx!.Value, inline.Extent.Cy!.Value);
            Assert.InRange(cx, 1, CharterDocx.ContentWidth * 635L); // fits the text column
            Assert.Equal(d.Width / d.Height, (double)cx / cy, 2); // keeps its proportions
            var blip = inline.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().Single();
            var part = (ImagePart)main.GetPartById(blip.Embed!.Value!);
            Assert.Equal("image/png", part.ContentType);
            using var png = SKBitmap.Decode(part.GetStream());
            Assert.NotNull(png);
            Assert.InRange(png.Width / (cx / 9525.0), 1.9, 2.1); // twice the shown size in pixels: sharp in print
            Assert.True(
                png.Pixels.Count(p => p.Red < 200 || p.Green < 200 || p.Blue < 200) > png.Width * png.Height / 50,
                $"{d.Title} came out blank"
            );
            // The words are drawn: the picture differs from the same picture with its text left out.
            using var withoutText = SKBitmap.Decode(PngDiagramPainter.Write(WithoutText(d), png.Width / d.Width));
            Assert.Equal((png.Width, png.Height), (withoutText.Width, withoutText.Height));
            var changed = png.Pixels.Zip(withoutText.Pixels).Count(x => x.First != x.Second);
            Assert.True(changed > 500, $"{d.Title}: its text was not drawn ({changed} pixels differ)");
        }
    }

    [Fact]
    public void Write_WhenAPictureCannotBeDrawn_SaysSoAndKeepsTheData()
    {
        using var word = WordprocessingDocument.Open(
            new MemoryStream(CharterDocx.Write(FullCharter(), _ => null)),
            false
        );

        Assert.Empty(word.MainDocumentPart!.ImageParts);
        Assert.Contains("the picture could not be drawn here", word.MainDocumentPart.Document.Body!.InnerText);
        Assert.Contains("Town council", word.MainDocumentPart.Document.Body.InnerText);
        Assert.Empty(new OpenXmlValidator().Validate(word));
    }

    [Fact]
    public void Write_ControlCharactersAndEmoji_StillValid()
    {
        var sheet = Sheet(
            Full,
            Now,
            d =>
            {
                d.Set("vision", "Bell\u0007 and \uD800 lone surrogate, emoji 🚲\tend");
                d.Set("ways", new List<string> { "a\u0001b" });
            }
        );
        var bytes = CharterDocx.Write(CharterCompiler.Compile("P", "", [sheet], [], Now));

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        Assert.Contains("emoji 🚲 end", word.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void Write_FullCharter_ConvertsWithLibreOfficeAndKeepsHeadings()
    {
        var charter = FullCharter();
        var docx = _tools.Save("charter.docx", CharterDocx.Write(charter));
        var profile = new Uri(Path.Combine(_tools.Dir, "lo-profile")).AbsoluteUri;

        ExportTools.Run(
            Office(),
            TimeSpan.FromMinutes(4),
            $"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            _tools.Dir,
            docx
        );

        var pdf = Path.Combine(_tools.Dir, "charter.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice did not write the PDF");
        var text = _tools.PdfText(pdf);
        Assert.Contains("Riverside Bike Kitchen", text);
        Assert.All(charter.Sections, s => Assert.Contains(s.Title, text));
        Assert.Contains("Decisions by consent", text);
        Assert.Contains("Town council", text);
        // Every framework picture came through as an image, and no page is blank.
        var images = ExportTools
            .Run("pdfimages", TimeSpan.FromMinutes(1), "-list", pdf)
            .Split('\n')
            .Skip(2)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length > 4 && c[2] == "image")
            .ToList();
        Assert.Equal(Pictures(charter).Count, images.Count);
        Assert.All(
            images,
            c =>
                Assert.True(
                    int.Parse(c[3], CultureInfo.InvariantCulture) >= 400,
                    $"an image of only {c[3]} pixels across"
                )
        );
        Assert.All(_tools.Pages(pdf), p => Assert.True(p.DarkPixels() > 50, "a page came out blank"));
    }

    /// <summary>The pictures the PDF paints, in order: every diagram block the framework renderers can draw.</summary>
    private static List<Diagram> Pictures(CharterDocument charter) =>
        charter
            .Sections.SelectMany(s => s.Blocks)
            .OfType<DiagramBlock>()
            .Select(CharterDiagrams.Build)
            .OfType<Diagram>()
            .ToList();

    private static Diagram WithoutText(Diagram d)
    {
        static IEnumerable<Shape> Strip(IEnumerable<Shape> shapes) =>
            shapes
                .Where(s => s is not TextShape)
                .Select(s => s is GroupShape g ? g with { Children = Strip(g.Children).ToList() } : s);
        return d with { Shapes = Strip(d.Shapes).ToList() };
    }

    private static string Office() =>
        new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(
            File.Exists
        )
        ?? throw new InvalidOperationException(
            "LibreOffice is not installed: run ./test.sh, which installs libreoffice-writer-nogui."
        );
}
