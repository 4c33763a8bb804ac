using System.Globalization;

namespace Kindling.Web.Features.Frameworks;

/// <summary>What to do with a word wider than a whole line.</summary>
public enum LongWords
{
    /// <summary>Cut it short with an ellipsis (pictures: pick a smaller size first to keep it whole).</summary>
    Ellipsise,

    /// <summary>Break it across lines, so no character is lost (charter text, e.g. a long web address).</summary>
    Break,
}

/// <summary>
/// The one word-wrapper, for the pictures and the charter's text alike: greedy lines no wider than a width, each
/// measured by the font it is drawn with (the caller passes the measure), breaking between words.
/// </summary>
public static class WordWrap
{
    public const string Ellipsis = "…";

    /// <summary>
    /// The words in lines no wider than <paramref name="maxWidth"/>. When more than <paramref name="maxLines"/> lines
    /// are needed the last kept line ends with an ellipsis. No words → no lines.
    /// </summary>
    /// <param name="width">The width of a line of text as it will be drawn.</param>
    public static List<string> Lines(
        IEnumerable<string> words,
        double maxWidth,
        Func<string, double> width,
        LongWords longWords,
        int maxLines = int.MaxValue
    )
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in words)
        {
            var joined = line.Length == 0 ? word : line + " " + word;
            if (width(joined) <= maxWidth)
            {
                line = joined;
                continue;
            }
            if (line.Length > 0)
                lines.Add(line);
            line = word;
            if (width(word) <= maxWidth)
                continue;
            if (longWords == LongWords.Ellipsise)
            {
                line = Cut(word, maxWidth, width);
                continue;
            }
            while (width(line) > maxWidth && Elements(line) is { Count: > 1 } elements)
            {
                // The longest beginning that fits, and at least one character.
                var fits = Longest(elements.Count - 1, n => width(Join(elements, n)) <= maxWidth);
                var fit = Join(elements, Math.Max(1, fits));
                lines.Add(fit);
                line = line[fit.Length..];
            }
        }
        if (line.Length > 0)
            lines.Add(line);
        if (lines.Count <= maxLines)
            return lines;
        var kept = lines.Take(Math.Max(1, maxLines)).ToList();
        kept[^1] = Cut(kept[^1] + " " + lines[kept.Count], maxWidth, width);
        return kept;
    }

    /// <summary>The text, cut between characters with an ellipsis if wider than <paramref name="maxWidth"/>.</summary>
    public static string Truncate(string text, double maxWidth, Func<string, double> width) =>
        width(text) <= maxWidth ? text : Cut(text, maxWidth, width);

    /// <summary>
    /// The largest font size from <paramref name="size"/> down to <paramref name="minSize"/> (in half steps) at which
    /// every word fits on a line of <paramref name="maxWidth"/>; <paramref name="minSize"/> when none does.
    /// </summary>
    /// <param name="width">The width of a text at a font size.</param>
    public static double FitSize(
        IEnumerable<string> words,
        double maxWidth,
        double size,
        double minSize,
        Func<string, double, double> width
    )
    {
        // Widths grow in proportion to the size, so the widest word at one size is the widest at every size.
        var widest = words.MaxBy(w => width(w, size));
        for (var s = size; s > minSize; s -= 0.5)
            if (widest is null || width(widest, s) <= maxWidth)
                return s;
        return minSize;
    }

    private static string Cut(string text, double maxWidth, Func<string, double> width)
    {
        var elements = Elements(text);
        string Candidate(int n) => Join(elements, n).TrimEnd() + Ellipsis;
        return Candidate(Longest(elements.Count - 1, n => width(Candidate(n)) <= maxWidth));
    }

    /// <summary>The largest n up to <paramref name="max"/> that fits, or 0 (a longer start is not narrower).</summary>
    private static int Longest(int max, Func<int, bool> fits)
    {
        int lo = 0,
            hi = max;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (fits(mid))
                lo = mid;
            else
                hi = mid - 1;
        }
        return lo;
    }

    private static string Join(List<string> elements, int n) => string.Concat(elements.Take(n));

    /// <summary>Characters as people see them: an emoji or a letter with its accents is one and never split.</summary>
    private static List<string> Elements(string text)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
            list.Add(e.GetTextElement());
        return list;
    }
}
