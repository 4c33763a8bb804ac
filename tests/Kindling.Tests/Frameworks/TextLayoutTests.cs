using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class TextLayoutTests
{
    [Fact]
    public void Wrap_ShortText_IsOneLine() => Assert.Equal(["Hello there"], TextLayout.Wrap("  Hello\n there ", 200, 12));

    [Fact]
    public void Wrap_LongText_KeepsEveryLineWithinTheWidth()
    {
        var lines = TextLayout.Wrap("We meet every month to share what we learned and plan the next steps together", 120, 12);

        Assert.True(lines.Count > 2);
        Assert.All(lines, l => Assert.True(TextLayout.Width(l, 12) <= 120));
        Assert.Equal("We meet every month to share what we learned and plan the next steps together", string.Join(' ', lines));
    }

    [Fact]
    public void Wrap_BeyondMaxLines_EndsWithEllipsis()
    {
        var lines = TextLayout.Wrap(string.Join(' ', Enumerable.Repeat("word", 60)), 100, 12, maxLines: 2);

        Assert.Equal(2, lines.Count);
        Assert.EndsWith("…", lines[1]);
        Assert.True(TextLayout.Width(lines[1], 12) <= 100);
    }

    [Fact]
    public void Wrap_AWordLongerThanALine_IsBroken()
    {
        var lines = TextLayout.Wrap(new string('x', 80), 100, 12);

        Assert.True(lines.Count > 1);
        Assert.Equal(new string('x', 80), string.Concat(lines));
    }

    [Fact]
    public void Truncate_NeverSplitsAnEmoji()
    {
        var cut = TextLayout.Truncate(string.Concat(Enumerable.Repeat("🔥", 30)), 60, 12);

        Assert.EndsWith("…", cut);
        var body = cut[..^1];
        Assert.NotEmpty(body);
        Assert.Equal(body, string.Concat(Enumerable.Repeat("🔥", body.Length / 2))); // whole emoji only, no half pairs
    }

    [Fact]
    public void Clean_DropsControlCharactersAndNull()
    {
        Assert.Equal("", TextLayout.Clean(null));
        Assert.Equal("a b", TextLayout.Clean("a\u0000\t\r\n b\u0007"));
    }
}
