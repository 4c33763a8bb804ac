using System.Text.RegularExpressions;
using Kindling.Web.Infrastructure;
using Markdig;

namespace Kindling.Tests.Infrastructure;

/// <summary>Hostile text written into generated Markdown stays text: rendered, it shows exactly what was typed and
/// builds no structure.</summary>
public class MarkdownTextTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static TheoryData<string> Hostile =>
        new()
        {
            "# A heading",
            "Setext heading\n===",
            "Another one\n---",
            "- a list item",
            "* starred item",
            "+ plus item",
            "1. numbered",
            "12. twelfth",
            "3) closing paren",
            "> a quote",
            "[a link](https://evil.example)",
            "![an image](https://evil.example/x.png)",
            "<script>alert(1)</script>",
            "<b>bold html</b>",
            "&amp; &lt;entity&gt;",
            "**Quinn ParticipantB:** impersonation",
            "_emphasis_ and *more*",
            "~~struck~~",
            "`code` and ```fence```",
            "~~~\nfenced\n~~~",
            "| a | table |\n| --- | --- |\n| 1 | 2 |",
            "***",
            "[ref]: https://evil.example",
            "footnote[^1]",
            "<https://evil.example>",
            "trailing backslash \\",
            "    indented code",
            "line one  \nline two with hard break",
            "\\*already escaped\\*",
            "- [ ] task",
            "Term\n: definition",
            "{.class} attrs",
            "==marked== ++inserted++ ^sup^",
            "(see https://example.org/a_b)",
            "# 1. both",
        };

    [Theory, MemberData(nameof(Hostile))]
    public void Block_HostileText_RendersAsThePlainTextAlone(string hostile)
    {
        var html = Markdown.ToHtml(MarkdownText.Block(hostile), Gfm).Trim();

        // One paragraph (line breaks kept as <br>), no element Markdown could have made, and the words as typed.
        Assert.StartsWith("<p>", html);
        Assert.EndsWith("</p>", html);
        var inner = WithoutBareAddresses(html[3..^4]).Replace("<br />\n", "\n");
        Assert.DoesNotContain("<", inner);
        var typed = string.Join("\n", hostile.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        Assert.Equal(typed, System.Net.WebUtility.HtmlDecode(inner));
    }

    [Theory, MemberData(nameof(Hostile))]
    public void List_HostileText_StaysInsideItsOneItem(string hostile)
    {
        var item = new MarkdownWriter.Item(Md.Lines(hostile), [Md.Lines(hostile)]);
        var md = new MarkdownWriter().List([item, new(Md.Own("next"))]);
        var html = Markdown.ToHtml(md.ToString(), Gfm);

        html = WithoutBareAddresses(html);
        Assert.Equal(3, html.Split("<li>").Length - 1);
        Assert.Equal(2, html.Split("<ul>").Length - 1);
        Assert.DoesNotContain("<a ", html);
        Assert.DoesNotContain("<strong>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<table", html);
        Assert.DoesNotContain("<h", html);
    }

    [Theory, MemberData(nameof(Hostile))]
    public void Writer_HostileTextInEveryBlock_BuildsOnlyTheWritersStructure(string hostile)
    {
        var md = new MarkdownWriter()
            .Heading(2, hostile)
            .Paragraph(Md.Bold(hostile) + Md.Own(" and ") + Md.Italic(hostile))
            .Quote(Md.Lines(hostile))
            .Table(
                [hostile, "b"],
                [
                    [hostile, ""],
                ]
            )
            .Paragraph(Md.Lines(hostile))
            .ToString();
        var html = WithoutBareAddresses(Markdown.ToHtml(md, Gfm));

        Assert.Single(Regex.Matches(html, "<h2"));
        Assert.Single(Regex.Matches(html, "<strong>"));
        Assert.Single(Regex.Matches(html, "<em>"));
        Assert.Single(Regex.Matches(html, "<blockquote>"));
        Assert.Single(Regex.Matches(html, "<table>"));
        Assert.Equal(4, Regex.Count(html, "<t[hd]>"));
        Assert.Empty(Regex.Matches(html, "<(h[13-6]|ul|ol|li|a|img|script|code|b|del|hr)[ >]"));
    }

    /// <summary>
    /// A bare web address may be made clickable by a renderer (GitHub and Markdig do): it shows exactly where it leads,
    /// so it cannot disguise anything. Any other link would be a failure.
    /// </summary>
    private static string WithoutBareAddresses(string html) =>
        Regex.Replace(html, "<a href=\"([^\"]*)\">\\1</a>", "$1");

    [Fact]
    public void Inline_FlattensLineBreaks_AndEscapesALeadingNumber()
    {
        Assert.Equal("1\\. first line second line", MarkdownText.Inline("1. first line\nsecond line"));
        Assert.Equal("3\\) third", MarkdownText.Inline("3) third"));
        // Ordinary punctuation inside a line is left as it is, so the file reads well as plain text.
        Assert.Equal(
            "Anne-Marie (she/her) asked: why not? #5",
            MarkdownText.Inline("  Anne-Marie (she/her) asked: why not? #5 ")
        );
        Assert.Equal("\\- \\[ \\] not a task", MarkdownText.Inline("- [ ] not a task"));
    }
}
