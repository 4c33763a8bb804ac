using System.Globalization;
using System.Text;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// Approximate text measuring, truncating and wrapping shared by the renderers. Widths are estimated per character
/// (a little generously, for DejaVu Sans) so the same lines stay inside the canvas in the SVG and in the PDF.
/// </summary>
public static class TextLayout
{
    public const string Ellipsis = "…";

    /// <summary>Null → "", control characters dropped, runs of whitespace (including line breaks) → one space, trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (char.IsControl(c)) continue;
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Estimated width in user units of <paramref name="text"/> at font size <paramref name="size"/>.</summary>
    public static double Width(string text, double size, bool bold = false)
    {
        double ems = 0;
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) ems += EmsOf(e.GetTextElement());
        return ems * size * (bold ? 1.12 : 1.0);
    }

    private static double EmsOf(string element)
    {
        var c = element[0];
        if (char.IsSurrogate(c) || c >= '\u1100') return 1.0; // emoji, CJK and other wide glyphs
        if (" .,:;'!|ilj()[]".Contains(c)) return 0.34;
        if ("ftrI-/".Contains(c)) return 0.42;
        if (char.IsUpper(c) || c is 'm' or 'w' or '@' or '%') return 0.75;
        if (char.IsDigit(c)) return 0.64;
        return 0.62;
    }

    /// <summary>The cleaned text, cut at a character boundary with an ellipsis when wider than <paramref name="maxWidth"/>.</summary>
    public static string Truncate(string? text, double maxWidth, double size, bool bold = false)
    {
        var clean = Clean(text);
        return Width(clean, size, bold) <= maxWidth ? clean : Cut(clean, maxWidth, size, bold);
    }

    private static string Cut(string text, double maxWidth, double size, bool bold)
    {
        var elements = Elements(text);
        for (var n = elements.Count - 1; n > 0; n--)
        {
            var candidate = string.Concat(elements.Take(n)).TrimEnd() + Ellipsis;
            if (Width(candidate, size, bold) <= maxWidth) return candidate;
        }
        return Ellipsis;
    }

    /// <summary>
    /// Greedy word wrap to lines no wider than <paramref name="maxWidth"/>, breaking only between words: a word longer
    /// than a line is ellipsised, never split (pick a size with <see cref="FitSize"/> to keep it whole). When more than
    /// <paramref name="maxLines"/> lines are needed the last kept line ends with an ellipsis. Empty text → no lines.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string? text, double maxWidth, double size, int maxLines = int.MaxValue, bool bold = false)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Words(text))
        {
            var joined = line.Length == 0 ? word : line + " " + word;
            if (Width(joined, size, bold) <= maxWidth) { line = joined; continue; }
            if (line.Length > 0) lines.Add(line);
            line = Width(word, size, bold) <= maxWidth ? word : Cut(word, maxWidth, size, bold);
        }
        if (line.Length > 0) lines.Add(line);
        if (lines.Count <= maxLines) return lines;
        var kept = lines.Take(Math.Max(1, maxLines)).ToList();
        kept[^1] = Cut(kept[^1] + " " + lines[kept.Count], maxWidth, size, bold);
        return kept;
    }

    /// <summary>
    /// The largest font size from <paramref name="size"/> down to <paramref name="minSize"/> (in half steps) at which
    /// every word of <paramref name="text"/> fits on a line of <paramref name="maxWidth"/>; <paramref name="minSize"/>
    /// when none does (the word is then ellipsised by <see cref="Wrap"/>).
    /// </summary>
    public static double FitSize(string? text, double maxWidth, double size, double minSize, bool bold = false)
    {
        var widest = Words(text).Select(w => Width(w, 1, bold)).DefaultIfEmpty(0).Max();
        for (var s = size; s > minSize; s -= 0.5)
            if (widest * s <= maxWidth) return s;
        return minSize;
    }

    private static string[] Words(string? text) => Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static List<string> Elements(string text)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) list.Add(e.GetTextElement());
        return list;
    }

    /// <summary>Wrapped text as one <see cref="TextShape"/> per line, the first baseline at <paramref name="y"/>.</summary>
    public static List<Shape> Block(string? text, double x, double y, double maxWidth, double size, int maxLines,
        string fill = DiagramStyle.Ink, TextAnchor anchor = TextAnchor.Start, bool bold = false, double lineHeight = 0)
    {
        var step = lineHeight > 0 ? lineHeight : size * 1.3;
        return Wrap(text, maxWidth, size, maxLines, bold)
            .Select((line, i) => (Shape)new TextShape(x, y + i * step, line, size, fill, anchor, bold))
            .ToList();
    }
}
