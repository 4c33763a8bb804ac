using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// DejaVu Sans, regular and bold (Bitstream Vera licence in Charter/Fonts/LICENSE-DejaVu.txt), shipped inside the
/// assembly: the pictures and the charter PDF are drawn with it and their text is measured with it, so lines fit on any
/// machine, with or without system fonts. The SVG names it first, so a browser that has it draws what was measured.
/// </summary>
public static class DejaVuSans
{
    public const string Family = "DejaVu Sans";

    /// <summary>Drawn in place of a character the font cannot draw (most emoji, many scripts).</summary>
    public const string Replacement = "□";

    private static readonly Lazy<SKTypeface> Regular = new(() => Load(bold: false)),
        Bold = new(() => Load(bold: true));
    private static readonly Lazy<float[]> RegularAdvances = new(() => Advances(Regular.Value)),
        BoldAdvances = new(() => Advances(Bold.Value));

    /// <summary>The TTF bytes, regular or bold.</summary>
    public static byte[] File(bool bold)
    {
        var name = bold ? "DejaVuSans-Bold" : "DejaVuSans";
        using var stream =
            typeof(DejaVuSans).Assembly.GetManifestResourceStream($"Kindling.Charter.Fonts.{name}.ttf")
            ?? throw new InvalidOperationException($"The font {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// The font at <paramref name="size"/> for drawing and measuring with SkiaSharp: unhinted advances that grow in
    /// proportion to the size, as PDFsharp lays the same font out.
    /// </summary>
    public static SKFont Font(double size, bool bold) =>
        new(bold ? Bold.Value : Regular.Value, (float)size) { Subpixel = true, LinearMetrics = true };

    /// <summary>
    /// The width of one line drawn at <paramref name="size"/> (in the units the size is in): the sum of its glyphs'
    /// advances, as <see cref="Font"/> and PDFsharp measure it. A character the font lacks counts as one em: the PDF
    /// and PNG draw <see cref="Replacement"/>, a little narrower, and a browser takes it from another font, where emoji
    /// and CJK characters are about that wide.
    /// </summary>
    public static double Width(string text, double size, bool bold)
    {
        var advances = bold ? BoldAdvances.Value : RegularAdvances.Value;
        double ems = 0;
        for (var rest = text.AsSpan(); rest.Length > 0; )
        {
            var element = rest[..StringInfo.GetNextTextElementLength(rest)];
            rest = rest[element.Length..];
            if (element is ['\t'])
                ems += advances[' '];
            else if (element is [var control] && char.IsControl(control))
                continue;
            else if (!CanDraw(element, v => advances[v] >= 0))
                ems += 1;
            else
                foreach (var c in element)
                    ems += Math.Max(0, advances[c]);
        }
        return ems * size;
    }

    /// <summary>
    /// Text the font can draw: each character (with its combining marks, joiners and variation selectors) that the
    /// font lacks becomes <see cref="Replacement"/>; control characters are dropped and tabs become spaces.
    /// </summary>
    public static string Drawable(string text, Func<int, bool> hasGlyph)
    {
        var sb = new StringBuilder(text.Length);
        for (var rest = text.AsSpan(); rest.Length > 0; )
        {
            var element = rest[..StringInfo.GetNextTextElementLength(rest)];
            rest = rest[element.Length..];
            if (element is ['\t'])
                sb.Append(' ');
            else if (element is [var control] && char.IsControl(control))
                continue;
            else if (CanDraw(element, hasGlyph))
                sb.Append(element);
            else
                sb.Append(Replacement[0]); // one character
        }
        return sb.ToString();
    }

    private static bool CanDraw(ReadOnlySpan<char> element, Func<int, bool> hasGlyph)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            // PDFsharp 6.2 mishandles code points beyond the Basic Multilingual Plane; DejaVu Sans has none we need.
            if (!rune.IsBmp)
                return false;
            var v = rune.Value;
            // Joiners and variation selectors go with their base.
            if (v is 0x200D or (>= 0xFE00 and <= 0xFE0F))
                continue;
            if (!hasGlyph(v))
                return false;
        }
        return true;
    }

    /// <summary>Each character's advance at size 1 (one em), or -1 where the font has no glyph for it.</summary>
    private static float[] Advances(SKTypeface typeface)
    {
        using var font = new SKFont(typeface, 1) { Subpixel = true, LinearMetrics = true };
        var all = string.Create(
            char.MaxValue + 1,
            0,
            (span, _) =>
            {
                for (var i = 0; i < span.Length; i++)
                    span[i] = char.IsSurrogate((char)i) ? ' ' : (char)i;
            }
        );
        var glyphs = font.GetGlyphs(all);
        var advances = font.GetGlyphWidths(glyphs);
        for (var i = 0; i < glyphs.Length; i++)
            if (glyphs[i] == 0)
                advances[i] = -1;
        return advances;
    }

    private static SKTypeface Load(bool bold) =>
        SKTypeface.FromData(SKData.CreateCopy(File(bold)))
        ?? throw new InvalidOperationException("The picture font could not be read.");
}
