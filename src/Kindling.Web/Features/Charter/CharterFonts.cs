using System.Globalization;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Kindling.Web.Features.Charter;

/// <summary>
/// The charter fonts (the PDF and the Word pictures): DejaVu Sans (regular and bold, Bitstream Vera licence in Fonts/LICENSE-DejaVu.txt) shipped inside the
/// assembly, so they look the same on any machine, with or without system fonts.
/// </summary>
public sealed class CharterFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    /// <summary>Shown in place of a character the font cannot draw (most emoji, many scripts).</summary>
    public const string Replacement = "□";
    private const string Regular = "DejaVuSans", Bold = "DejaVuSans-Bold";
    private static readonly CharterFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>PDFsharp accepts one resolver for the whole process; setting the same instance again is allowed.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered) return;
            GlobalFontSettings.FontResolver = Instance;
            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => Load(faceName);

    /// <summary>The TTF bytes of DejaVu Sans, regular or bold (the PNG pictures draw with them too).</summary>
    public static byte[] FontFile(bool bold) => Load(bold ? Bold : Regular);

    private static byte[] Load(string faceName)
    {
        using var stream = typeof(CharterFonts).Assembly.GetManifestResourceStream($"Kindling.Charter.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The PDF font {faceName} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Text the font can draw: each character (with its combining marks, joiners and variation selectors) that the font
    /// lacks becomes <see cref="Replacement"/>; control characters are dropped and tabs become spaces.
    /// </summary>
    public static string Drawable(string text, XFont font) => Drawable(text, v => GlyphHelper.GlyphIndexFromCodePoint(v, font) != 0);

    /// <summary>As <see cref="Drawable(string, XFont)"/>, for a font that says whether it has a glyph for a code point.</summary>
    public static string Drawable(string text, Func<int, bool> hasGlyph)
    {
        var sb = new StringBuilder(text.Length);
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            if (element == "\t") { sb.Append(' '); continue; }
            if (element.Length == 1 && char.IsControl(element[0])) continue;
            sb.Append(CanDraw(element, hasGlyph) ? element : Replacement);
        }
        return sb.ToString();
    }

    private static bool CanDraw(string element, Func<int, bool> hasGlyph)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            // PDFsharp 6.2 mishandles code points beyond the Basic Multilingual Plane, and DejaVu Sans has none we need.
            if (!rune.IsBmp) return false;
            var v = rune.Value;
            if (v is 0x200D or (>= 0xFE00 and <= 0xFE0F)) continue; // joiners and variation selectors go with their base
            if (!hasGlyph(v)) return false;
        }
        return true;
    }
}
