using System.Text;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// Measuring, truncating and wrapping the pictures' text with <see cref="WordWrap"/>, measured with
/// <see cref="DejaVuSans"/>, the font the SVG, the PDF and the PNG draw it with, so lines stay inside the canvas.
/// </summary>
public static class TextLayout
{
    public const string Ellipsis = WordWrap.Ellipsis;

    /// <summary>Null → "", control characters dropped, runs of whitespace (including line breaks) → one space,
    /// trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (char.IsControl(c))
                continue;
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Width in user units of <paramref name="text"/> drawn at font size <paramref name="size"/>.</summary>
    public static double Width(string text, double size, bool bold = false) => DejaVuSans.Width(text, size, bold);

    /// <summary>The cleaned text, cut at a character boundary with an ellipsis when wider than <paramref
    /// name="maxWidth"/>.</summary>
    public static string Truncate(string? text, double maxWidth, double size, bool bold = false) =>
        WordWrap.Truncate(Clean(text), maxWidth, t => Width(t, size, bold));

    /// <summary>
    /// Greedy word wrap to lines no wider than <paramref name="maxWidth"/>, breaking only between words: a word longer
    /// than a line is ellipsised, never split (pick a size with <see cref="FitSize"/> to keep it whole). When more than
    /// <paramref name="maxLines"/> lines are needed the last kept line ends with an ellipsis. Empty text → no lines.
    /// </summary>
    public static IReadOnlyList<string> Wrap(
        string? text,
        double maxWidth,
        double size,
        int maxLines = int.MaxValue,
        bool bold = false
    ) => WordWrap.Lines(Words(text), maxWidth, t => Width(t, size, bold), LongWords.Ellipsise, maxLines);

    /// <summary>
    /// The largest font size from <paramref name="size"/> down to <paramref name="minSize"/> (in half steps) at which
    /// every word of <paramref name="text"/> fits on a line of <paramref name="maxWidth"/>; <paramref name="minSize"/>
    /// when none does (the word is then ellipsised by <see cref="Wrap"/>).
    /// </summary>
    public static double FitSize(string? text, double maxWidth, double size, double minSize, bool bold = false) =>
        WordWrap.FitSize(Words(text), maxWidth, size, minSize, (t, at) => Width(t, at, bold));

    private static string[] Words(string? text) => Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Wrapped text as one <see cref="TextShape"/> per line, the first baseline at <paramref
    /// name="y"/>.</summary>
    public static List<Shape> Block(
        string? text,
        double x,
        double y,
        double maxWidth,
        double size,
        int maxLines,
        string fill = DiagramStyle.Ink,
        TextAnchor anchor = TextAnchor.Start,
        bool bold = false,
        double lineHeight = 0
    )
    {
        var step = lineHeight > 0 ? lineHeight : size * 1.3;
        return Wrap(text, maxWidth, size, maxLines, bold)
            .Select((line, i) => (Shape)new TextShape(x, y + i * step, line, size, fill, anchor, bold))
            .ToList();
    }
}
