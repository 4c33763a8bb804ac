using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class TextLayoutTests
{
    [Fact]
    public void Wrap_ShortText_IsOneLine() =>
        Assert.Equal(["Hello there"], TextLayout.Wrap("  Hello\n there ", 200, 12));

    [Fact]
    public void Wrap_LongText_KeepsEveryLineWithinTheWidth()
    {
        var lines = TextLayout.Wrap(
            "We meet every month to share what we learned and plan the next steps together",
            120,
            12
        );

        Assert.True(lines.Count > 2);
        Assert.All(lines, l => Assert.True(TextLayout.Width(l, 12) <= 120));
        Assert.Equal(
            "We meet every month to share what we learned and plan the next steps together",
            string.Join(' ', lines)
        );
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
    public void Wrap_AWordLongerThanALine_IsEllipsisedNeverSplit()
    {
        var lines = TextLayout.Wrap("Our " + new string('x', 80) + " grows", 100, 12);

        Assert.Equal(3, lines.Count);
        Assert.Equal("Our", lines[0]);
        Assert.Matches("^x+…$", lines[1]);
        Assert.True(TextLayout.Width(lines[1], 12) <= 100);
        Assert.Equal("grows", lines[2]);
    }

    [Fact]
    public void FitSize_ShrinksUntilTheLongestWordFits_NotBelowTheMinimum()
    {
        var size = TextLayout.FitSize("Collaboration matters", 102, 15, 11, bold: true);

        Assert.InRange(size, 11, 14.5);
        Assert.True(TextLayout.Width("Collaboration", size, bold: true) <= 102);
        Assert.True(TextLayout.Width("Collaboration", size + 0.5, bold: true) > 102);
        Assert.Equal(15, TextLayout.FitSize("Care", 102, 15, 11, bold: true));
        Assert.Equal(11, TextLayout.FitSize(new string('w', 40), 102, 15, 11));
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
