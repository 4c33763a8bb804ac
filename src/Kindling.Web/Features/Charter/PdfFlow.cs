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
    private PdfPage Current { get { _ = G; return _page!; } }
    private double Width => Current.Width.Point;
    public double Left => Margin;
    public double ContentWidth => Width - 2 * Margin;
    public double Bottom => Current.Height.Point - Margin - 14;
    public double Top => Margin;
    public bool AtTop => Y <= Top + 0.5;
    /// <summary>Set once some text had a character the font cannot draw (shown as <see cref="CharterFonts.Replacement"/>).</summary>
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
        _g.DrawString(CharterFonts.Drawable($"{footer} · page {_pages}", small), small, XBrushes.Gray,
            new XRect(Margin, _page.Height.Point - Margin + 6, ContentWidth, 12), XStringFormats.TopLeft);
        Y = Top;
        return _g;
    }

    public void EnsureSpace(double height)
    {
        _ = G;
        if (Y + height > Bottom && !AtTop) NewPage();
    }

    public void Space(double points) { _ = G; Y = Math.Min(Y + points, Bottom); }

    /// <summary>Wrapped text; <paramref name="keepWithNext"/> reserves room so a heading is never last on a page.</summary>
    public void Text(string text, XFont font, XBrush brush, double indent = 0, double keepWithNext = 0)
    {
        var lines = Wrap(text, font, ContentWidth - indent);
        var lh = font.GetHeight();
        EnsureSpace(Math.Min(lines.Count, 2) * lh + keepWithNext);
        foreach (var line in lines)
        {
            EnsureSpace(lh);
            G.DrawString(line, font, brush, new XRect(Left + indent, Y, ContentWidth - indent, lh), XStringFormats.TopLeft);
            Y += lh;
        }
    }

    /// <summary>Splits text into lines no wider than <paramref name="width"/> (breaking inside a word only when it is wider alone).</summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        var drawable = CharterFonts.Drawable(text.Replace("\r\n", "\n").Replace('\r', '\n'), font);
        if (drawable.Count(c => c == CharterFonts.Replacement[0]) > text.Count(c => c == CharterFonts.Replacement[0])) ReplacedCharacters = true;
        foreach (var paragraph in drawable.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (Measure(line, font) > width && line.Length > 1)
                {
                    int lo = 1, hi = line.Length - 1; // the longest prefix that fits, by halving
                    while (lo < hi) { var mid = (lo + hi + 1) / 2; if (Measure(line[..mid], font) <= width) lo = mid; else hi = mid - 1; }
                    var fit = lo;
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    public double Measure(string text, XFont font) => G.MeasureString(text, font).Width;

    public void Dispose() => _g?.Dispose();
}
