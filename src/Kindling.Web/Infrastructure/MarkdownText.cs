using System.Text;
using System.Text.RegularExpressions;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// How people's text is escaped in Markdown Kindling generates (through <see cref="MarkdownWriter"/>): every
/// character Markdown could read as syntax is backslash-escaped, so the text stays text. It can never open a heading,
/// a list, a quote, a table cell, a link, emphasis (bold as if it were a name: <c>**Quinn:**</c>) or raw HTML.
/// </summary>
public static partial class MarkdownText
{
    /// <summary>One line: escaped, with line breaks flattened to spaces.</summary>
    public static string Inline(string text) =>
        Escape(text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').Trim());

    /// <summary>Multi-line text: each line escaped and kept as a hard line break; blank lines stay paragraph
    /// breaks.</summary>
    public static string Block(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => Escape(l.Trim())).ToList();
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            sb.Append(lines[i]);
            if (i == lines.Count - 1)
                break;
            sb.Append(lines[i].Length > 0 && lines[i + 1].Length > 0 ? "\\\n" : "\n");
        }
        return sb.ToString();
    }

    /// <summary>Syntax wherever it stands: emphasis, code, links, raw HTML and entities, tables, strikethrough,
    /// attributes, Markdig's extra emphasis.</summary>
    private const string Anywhere = "\\`*_{}[]<>|~&=+^";

    /// <summary>Syntax only at the start of a line: headings, list items, definition lists (and "1." / "1)"
    /// below).</summary>
    private const string AtLineStart = "#-:";

    /// <summary>
    /// A web address is written as an autolink (&lt;https://…&gt;), which every renderer shows exactly as written and
    /// links to itself: escaping its "_" or "&amp;" instead would break it where a renderer links bare addresses
    /// itself.
    /// </summary>
    [GeneratedRegex("https?://[^\\s<>|\\\\`\"]+", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        var at = 0;
        foreach (Match m in WebAddress().Matches(text))
        {
            if (m.Index < at)
                continue;
            var address = WithoutTrailingPunctuation(m.Value);
            EscapeText(sb, text[at..m.Index], lineStart: at == 0);
            sb.Append('<').Append(address).Append('>');
            at = m.Index + address.Length;
        }
        EscapeText(sb, text[at..], lineStart: at == 0);
        return sb.ToString();
    }

    /// <remarks>
    /// Parentheses, "!", "-" and "#" inside a line are left alone: with "[" and "]" escaped they cannot make a link or
    /// an
    /// image, and the file stays pleasant to read as plain text.
    /// </remarks>
    private static void EscapeText(StringBuilder sb, string text, bool lineStart)
    {
        if (lineStart && text.Length > 0 && AtLineStart.Contains(text[0]))
            sb.Append('\\');
        var digits = 0;
        while (lineStart && digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        for (var i = 0; i < text.Length; i++)
        {
            // "1." or "1)" at the start of a line would begin an ordered list.
            if (Anywhere.Contains(text[i]) || (i == digits && digits > 0 && text[i] is '.' or ')'))
                sb.Append('\\');
            sb.Append(text[i]);
        }
    }

    /// <summary>A sentence's full stop or closing bracket after an address is not part of it (as GitHub reads
    /// it).</summary>
    private static string WithoutTrailingPunctuation(string address)
    {
        while (address.Length > 0)
        {
            var last = address[^1];
            if (
                ".,;:!?'".Contains(last) || (last == ')' && address.Count(c => c == ')') > address.Count(c => c == '('))
            )
                address = address[..^1];
            else
                break;
        }
        return address;
    }
}
