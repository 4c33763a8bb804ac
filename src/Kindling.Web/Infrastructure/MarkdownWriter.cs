using System.Text;

namespace Kindling.Web.Infrastructure;

/// <summary>
/// A piece of Markdown that is safe to write. People's text becomes one only escaped: a string converts to one
/// line (<see cref="MarkdownText.Inline"/>); <see cref="Lines"/> keeps its line breaks
/// (<see cref="MarkdownText.Block"/>).
/// Kindling's own fixed words, which may hold Markdown, enter through <see cref="Own"/> and never carry people's text.
/// </summary>
public readonly struct Md
{
    private readonly string? _markdown;

    private Md(string markdown) => _markdown = markdown;

    /// <summary>People's text on one line: escaped, line breaks flattened to spaces.</summary>
    public static implicit operator Md(string peoplesText) => new(MarkdownText.Inline(peoplesText));

    /// <summary>People's text over several lines: each line escaped, line breaks and blank lines kept.</summary>
    public static Md Lines(string peoplesText) => new(MarkdownText.Block(peoplesText));

    /// <summary>Kindling's own fixed words, written as they are (Markdown in them stays Markdown).</summary>
    public static Md Own(string markdown) => new(markdown);

    public static Md Italic(Md text) => new($"_{text}_");

    public static Md Bold(Md text) => new($"**{text}**");

    public static Md operator +(Md a, Md b) => new($"{a}{b}");

    public override string ToString() => _markdown ?? "";
}

/// <summary>
/// Writes a Markdown file block by block (headings, paragraphs, quotes, lists, tables), a blank line between blocks.
/// Everything it writes is <see cref="Md"/>, so people's text in it is always escaped and stays text.
/// </summary>
public sealed class MarkdownWriter
{
    private readonly StringBuilder _md = new();

    /// <summary>A list item: its text (following lines stay inside it) and items nested one level below it.</summary>
    public readonly record struct Item(Md Text, IReadOnlyList<Md>? Nested = null);

    public MarkdownWriter Heading(int level, Md text) => Block().Line($"{new string('#', level)} {text}");

    public MarkdownWriter Paragraph(Md text) => Block().Line(text.ToString());

    public MarkdownWriter Quote(Md text)
    {
        Block();
        foreach (var line in text.ToString().Split('\n'))
            Line("> " + line);
        return this;
    }

    public MarkdownWriter List(IEnumerable<Md> items) => List(items.Select(i => new Item(i)));

    /// <summary>One list (nothing when there are no items).</summary>
    public MarkdownWriter List(IEnumerable<Item> items)
    {
        var started = false;
        foreach (var item in items)
        {
            if (!started)
                Block();
            started = true;
            Bullet(item.Text, depth: 0);
            foreach (var nested in item.Nested ?? [])
                Bullet(nested, depth: 1);
        }
        return this;
    }

    /// <summary>A table with a header row; an empty cell holds a space so every renderer keeps it.</summary>
    public MarkdownWriter Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        Block().Row(columns);
        Line("|" + string.Concat(columns.Select(_ => " --- |")));
        foreach (var row in rows)
            Row(row);
        return this;
    }

    public MarkdownWriter Rule() => Block().Line("---");

    public override string ToString() => _md.ToString();

    private void Bullet(Md text, int depth)
    {
        var indent = new string(' ', 2 * depth);
        Line(indent + "- " + text.ToString().Replace("\n", "\n  " + indent));
    }

    private MarkdownWriter Row(IReadOnlyList<string> cells) =>
        Line($"| {string.Join(" | ", cells.Select(c => ((Md)c).ToString() is { Length: > 0 } cell ? cell : " "))} |");

    private MarkdownWriter Block()
    {
        if (_md.Length > 0)
            _md.Append('\n');
        return this;
    }

    private MarkdownWriter Line(string text)
    {
        _md.Append(text).Append('\n');
        return this;
    }
}
