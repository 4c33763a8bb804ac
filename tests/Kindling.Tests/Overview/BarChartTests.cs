using System.Xml.Linq;
using Kindling.Tests.Frameworks;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Overview;

namespace Kindling.Tests.Overview;

/// <summary>The overview's bar charts: valid SVG, named and described for screen readers, one bar per value.</summary>
public class BarChartTests
{
    private static readonly ChartBar[] Bars =
    [
        new("S1", "Session 1 (Why community)", 12, "12 of 15 present"),
        new("S2", "Session 2 (Basics & <more>)", 3, "3 of 15 present"),
        new("S3", "Session 3 (Charter)", null, "no rating yet"),
        new("S4", "Session 4 (Events)", 15, "15 of 15 present"),
    ];

    [Fact]
    public void Build_ValidSvgWithTitleAndDescription_NamingEveryBar()
    {
        var svg = SvgWriter.Write(BarChart.Build("Attendance over sessions", "People present.", Bars, 15));
        var root = XDocument.Parse(svg).Root!;

        Assert.Equal("img", (string?)root.Attribute("role"));
        var title = root.Element(Svg.Ns + "title")!;
        var desc = root.Element(Svg.Ns + "desc")!;
        Assert.Equal("Attendance over sessions", title.Value);
        Assert.Equal(
            $"{(string)title.Attribute("id")!} {(string)desc.Attribute("id")!}",
            (string?)root.Attribute("aria-labelledby")
        );
        Assert.StartsWith("People present.", desc.Value);
        foreach (var bar in Bars)
            Assert.Contains($"{bar.Name}: {bar.ValueText}.", desc.Value);
    }

    [Fact]
    public void Build_OneBarPerValue_HeightFollowsTheValue_MissingValueShownAsDash()
    {
        var root = Svg.Parse(BarChart.Build("Attendance", "People present.", Bars, 15));
        var bars = root.WithClass("bar").ToList();

        Assert.Equal(4, bars.Count);
        var rects = bars.Where(b => b.Name == Svg.Ns + "rect").ToList();
        Assert.Equal(["0", "1", "3"], rects.Select(r => r.Data("index")));
        Assert.Equal(150, rects[2].Num("height"), 1); // 15 of 15: the whole plot
        Assert.Equal(rects[2].Num("height") * 12 / 15, rects[0].Num("height"), 1);
        var missing = Assert.Single(bars, b => b.Name == Svg.Ns + "text");
        Assert.Equal("–", missing.Texts().Single());
        Assert.Equal("Session 3 (Charter): no rating yet", missing.Element(Svg.Ns + "title")!.Value);
        Assert.Equal(["S1", "S2", "S3", "S4"], root.Texts().Where(t => t.StartsWith('S')));
    }

    [Fact]
    public void Build_NoBars_SaysSoInPictureAndDescription()
    {
        var root = Svg.Parse(BarChart.Build("Ratings", "Average rating.", [], 5));

        Assert.Empty(root.WithClass("bar"));
        Assert.Contains("Nothing to show yet", root.Texts());
        Assert.Equal("Average rating. Nothing to show yet.", root.Element(Svg.Ns + "desc")!.Value);
    }
}
