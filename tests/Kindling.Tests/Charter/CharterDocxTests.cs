using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Worksheets;
using static Kindling.Tests.Charter.CharterSamples;

namespace Kindling.Tests.Charter;

public class CharterDocxTests : IDisposable
{
    private readonly ExportTools _tools = new();

    public void Dispose() => _tools.Dispose();

    [Fact]
    public void Write_FullCharter_IsValidOpenXmlWithHeadingStylesBulletsAndTables()
    {
        var bytes = CharterDocx.Write(FullCharter());

        using var word = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator().Validate(word).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var body = word.MainDocumentPart!.Document.Body!;
        string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        Assert.Equal(FullCharter().Sections.Select(s => s.Title), body.Elements<Paragraph>().Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText));
        Assert.Equal("Riverside Bike Kitchen", body.Elements<Paragraph>().First(p => StyleOf(p) == "Title").InnerText);
        Assert.Contains(body.Elements<Paragraph>(), p => StyleOf(p) == "ListBullet" && p.InnerText == "Decisions by consent");
        Assert.NotNull(word.MainDocumentPart.NumberingDefinitionsPart);
        Assert.Contains(word.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>(), s => s.StyleId == "Heading1");
        var tables = body.Elements<Table>().ToList();
        Assert.Contains(tables, t => t.InnerText.Contains("Town council") && t.InnerText.Contains("Manage closely"));
        Assert.Contains(tables, t => t.InnerText.Contains("First workshop"));
    }

    [Fact]
    public void Write_ControlCharactersAndEmoji_StillValid()
    {
        var sheet = Sheet(Full, Now, d => { d.Set("vision", "Bell\u0007 and \uD800 lone surrogate, emoji 🚲\tend"); d.Set("ways", new List<string> { "a\u0001b" }); });
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

        ExportTools.Run(Office(), TimeSpan.FromMinutes(4), $"-env:UserInstallation={profile}", "--headless", "--norestore",
            "--convert-to", "pdf", "--outdir", _tools.Dir, docx);

        var pdf = Path.Combine(_tools.Dir, "charter.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice did not write the PDF");
        var text = _tools.PdfText(pdf);
        Assert.Contains("Riverside Bike Kitchen", text);
        Assert.All(charter.Sections, s => Assert.Contains(s.Title, text));
        Assert.Contains("Decisions by consent", text);
        Assert.Contains("Town council", text);
    }

    private static string Office() =>
        new[] { "/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice" }.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("LibreOffice is not installed: run ./test.sh, which installs libreoffice-writer-nogui.");
}
