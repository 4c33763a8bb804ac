using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kindling.Tests.Frameworks;

public class WordWrapTests
{
    /// <summary>A measure where every character is one unit wide, except "W" (three).</summary>
    private static double Units(string text) => text.Sum(c => c == 'W' ? 3 : 1);

    [Fact]
    public void Lines_UseTheGivenMeasure()
    {
        Assert.Equal(["aa bb", "cc"], WordWrap.Lines(["aa", "bb", "cc"], 6, Units, LongWords.Ellipsise));
        Assert.Equal(["WW", "bb cc"], WordWrap.Lines(["WW", "bb", "cc"], 6, Units, LongWords.Ellipsise));
    }

    [Fact]
    public void Lines_BreakingALongWord_KeepsEveryCharacterAndEveryLineFits()
    {
        const string url = "https://example.org/a/very/long/address/that/no/line/can/hold";

        var lines = WordWrap.Lines(["See", url, "now"], 12, Units, LongWords.Break);

        Assert.Equal(
            ["See", "https://exam", "ple.org/a/ve", "ry/long/addr", "ess/that/no/", "line/can/hol", "d now"],
            lines
        );
        Assert.All(lines, l => Assert.True(Units(l) <= 12));
    }

    [Fact]
    public void Lines_BreakingALongWord_NeverSplitsALetterFromItsAccent()
    {
        var word = string.Concat(Enumerable.Repeat("e\u0301", 10)); // "é" as a letter and a combining accent

        var lines = WordWrap.Lines([word], 5, Units, LongWords.Break);

        Assert.Equal(word, string.Concat(lines));
        Assert.All(lines, l => Assert.Matches("^(e\u0301)+$", l));
    }

    [Fact]
    public void Lines_EllipsisingALongWord_CutsItToTheWidth()
    {
        Assert.Equal(["ab", "WWW…", "cd"], WordWrap.Lines(["ab", "WWWWWWWW", "cd"], 12, Units, LongWords.Ellipsise));
        Assert.Equal("abcdefghi…", WordWrap.Truncate("abcdefghijklmnop", 10, Units));
        Assert.Equal("…", WordWrap.Truncate("WWW", 2, Units));
    }

    [Theory]
    [InlineData("Collaboration matters", false)]
    [InlineData("Accountability, care & 1234567890 — ÄÖÜ ñ", true)]
    [InlineData("We meet every month to share what we learned", false)]
    public void DiagramWidths_AreWhatPdfSharpAndSkiaMeasureForTheSameFont(string text, bool bold)
    {
        CharterFonts.EnsureRegistered();
        using var doc = new PdfDocument();
        using var g = XGraphics.FromPdfPage(doc.AddPage());
        using var skia = DejaVuSans.Font(13, bold);

        var font = new XFont(CharterFonts.Family, 13, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
        var pdf = g.MeasureString(text, font).Width;

        Assert.Equal(pdf, TextLayout.Width(text, 13, bold), 3);
        Assert.Equal(pdf, skia.MeasureText(text), 3);
    }

    [Fact]
    public void DiagramWidths_ACharacterTheFontLacks_CountsAsOneEm()
    {
        Assert.Equal(TextLayout.Width("ab", 10) + 10, TextLayout.Width("a🚲b", 10), 6);
        // One emoji of four code points.
        Assert.Equal(TextLayout.Width("ab", 10) + 10, TextLayout.Width("a👩🏽‍💻b", 10), 6);
    }
}
