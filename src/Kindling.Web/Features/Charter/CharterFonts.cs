using Kindling.Web.Features.Frameworks;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace Kindling.Web.Features.Charter;

/// <summary>PDFsharp's fonts for the charter: always <see cref="DejaVuSans"/>, shipped in the assembly.</summary>
public sealed class CharterFonts : IFontResolver
{
    public const string Family = DejaVuSans.Family;

    /// <inheritdoc cref="DejaVuSans.Replacement"/>
    public const string Replacement = DejaVuSans.Replacement;
    private const string Regular = "DejaVuSans",
        Bold = "DejaVuSans-Bold";
    private static readonly CharterFonts Instance = new();
    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>PDFsharp accepts one resolver for the whole process; setting the same instance again is
    /// allowed.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
                return;
            GlobalFontSettings.FontResolver = Instance;
            _registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName) => DejaVuSans.File(bold: faceName == Bold);

    /// <summary>Text the PDF font can draw (<see cref="DejaVuSans.Drawable"/>).</summary>
    public static string Drawable(string text, XFont font) =>
        DejaVuSans.Drawable(text, v => GlyphHelper.GlyphIndexFromCodePoint(v, font) != 0);
}
