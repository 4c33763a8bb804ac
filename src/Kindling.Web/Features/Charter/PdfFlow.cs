using Kindling.Web.Features.Frameworks;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// Flows text, tables and pictures down A4 pages with XGraphics: wraps lines to the column, starts a new page when the
/// next piece does not fit, repeats a table's header on each page and splits a row taller than a page.
/// </summary>
internal sealed class PdfFlow(PdfDocument doc, string footer) : IDisposable
{
    public const double Margin = 56;
    private XGraphics? _g;
    private PdfPage? _page;
    private int _pages;
    public double Y { get; private set; }
    public XGraphics G => _g ?? NewPage();
    private PdfPage Current
    {
        get
        {
            _ = G;
            return _page!;
        }
    }
    private double Width => Current.Width.Point;
    public double Left => Margin;
    public double ContentWidth => Width - 2 * Margin;
    public double Bottom => Current.Height.Point - Margin - 14;
    public double Top => Margin;
    public bool AtTop => Y <= Top + 0.5;

    /// <summary>Set once some text had a character the font cannot draw (shown as <see
    /// cref="CharterFonts.Replacement"/>).</summary>
    public bool ReplacedCharacters { get; private set; }
    public PdfPage Page => Current;

    public XGraphics NewPage()
    {
        _g?.Dispose();
        _page = doc.AddPage();
        _page.Size = PageSize.A4;
        _g = XGraphics.FromPdfPage(_page);
        _pages++;
        var small = new XFont(CharterFonts.Family, 7.5);
        _g.DrawString(
            CharterFonts.Drawable($"{footer} · page {_pages}", small),
            small,
            XBrushes.Gray,
            new XRect(Margin, _page.Height.Point - Margin + 6, ContentWidth, 12),
            XStringFormats.TopLeft
        );
        Y = Top;
        return _g;
    }

    public void EnsureSpace(double height)
    {
        _ = G;
        if (Y + height > Bottom && !AtTop)
            NewPage();
    }

    public void Space(double points)
    {
        _ = G;
        Y = Math.Min(Y + points, Bottom);
    }

    /// <summary>Wrapped text; <paramref name="keepWithNext"/> reserves room so a heading is never last on a
    /// page.</summary>
    public void Text(string text, XFont font, XBrush brush, double indent = 0, double keepWithNext = 0)
    {
        var lines = Wrap(text, font, ContentWidth - indent);
        var lh = font.GetHeight();
        EnsureSpace(Math.Min(lines.Count, 2) * lh + keepWithNext);
        foreach (var line in lines)
        {
            EnsureSpace(lh);
            G.DrawString(
                line,
                font,
                brush,
                new XRect(Left + indent, Y, ContentWidth - indent, lh),
                XStringFormats.TopLeft
            );
            Y += lh;
        }
    }

    /// <summary>
    /// Splits text into lines no wider than <paramref name="width"/> (<see cref="WordWrap"/>, measured with the font it
    /// is drawn with); a word wider than a line alone is broken across lines, so no character is lost.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var drawable = CharterFonts.Drawable(text.Replace("\r\n", "\n").Replace('\r', '\n'), font);
        if (Replacements(drawable) > Replacements(text))
            ReplacedCharacters = true;
        return drawable
            .Split('\n')
            .SelectMany(paragraph =>
                WordWrap.Lines(
                    paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                    width,
                    line => Measure(line, font),
                    LongWords.Break
                )
                    is { Count: > 0 } lines
                    ? lines
                    : [""]
            )
            .ToList();
    }

    private static int Replacements(string text) => text.Count(c => c == CharterFonts.Replacement[0]);

    public double Measure(string text, XFont font) => G.MeasureString(text, font).Width;

    public void Dispose() => _g?.Dispose();
}
