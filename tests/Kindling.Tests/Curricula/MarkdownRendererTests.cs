using Kindling.Web.Features.Curricula;

namespace Kindling.Tests.Curricula;

public class MarkdownRendererTests
{
    /// <summary>Markdown in, then what must not and what must appear in the HTML.</summary>
    public static TheoryData<string, string, string> Unsafe() =>
        new()
        {
            { "<script>alert(1)</script>", "<script", "&lt;script&gt;" },
            { "<img src=x onerror=alert(1)>", "<img", "&lt;img" },
            { "[x](javascript:alert(1))", "javascript:", ">x<" },
            { "[x](JavaScript:alert(1))", "avascript:", ">x<" },
            { "<iframe src=\"https://evil.example\"></iframe>", "<iframe", "&lt;iframe" },
            { "[x](data:text/html;base64,PHNjcmlwdD4=)", "data:", ">x<" },
            { "![x](data:image/png;base64,AAAA)", "data:", "" },
            { "<b onclick=\"alert(1)\">bold</b>", "<b", "&lt;b onclick" },
            { "<a href=\"https://example.org\">raw link</a>", "<a href", "&lt;a href" },
        };

    [Theory, MemberData(nameof(Unsafe))]
    public void ToSafeHtml_UnsafeInput_IsRemovedOrEscaped(string markdown, string forbidden, string expected)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);
        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(expected, html);
    }

    [Theory]
    [InlineData("[site](https://example.org)")]
    [InlineData("<https://example.org>")]
    [InlineData("See https://example.org today")]
    public void ToSafeHtml_Links_GetNofollowNoopenerNoreferrer(string markdown)
    {
        var html = MarkdownRenderer.ToSafeHtml(markdown);
        Assert.Contains("href=\"https://example.org\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
    }

    [Fact]
    public void ToSafeHtml_OrdinaryMarkdown_IsRendered()
    {
        var html = MarkdownRenderer.ToSafeHtml(
            "# Title\n\n*em* and **strong**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two"
        );
        Assert.Contains("<h1", html);
        Assert.Contains("<em>em</em>", html);
        Assert.Contains("<strong>strong</strong>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<li>two</li>", html);
    }

    [Fact]
    public void ToSafeHtml_ExtremelyDeepNesting_ThrowsMarkdownTooDeep()
    {
        // Markdig refuses this depth with an ArgumentException; the renderer turns it into one exception callers can
        // name.
        Assert.Throws<MarkdownTooDeepException>(() => MarkdownRenderer.ToSafeHtml(new string('>', 2000) + " deep"));
    }

    [Fact]
    public void ToSafeHtml_ModerateNesting_RendersAndStaysSanitised()
    {
        var html = MarkdownRenderer.ToSafeHtml(new string('>', 20) + " <script>x</script>");
        Assert.Contains("<blockquote>", html);
        Assert.DoesNotContain("<script", html);
    }
}
