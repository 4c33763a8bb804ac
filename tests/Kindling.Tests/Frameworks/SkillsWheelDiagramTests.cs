using System.Xml.Linq;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class SkillsWheelDiagramTests
{
    private static double Distance(XElement circle) =>
        Math.Sqrt(
            Math.Pow(circle.Num("cx") - SkillsWheelDiagram.Cx, 2)
                + Math.Pow(circle.Num("cy") - SkillsWheelDiagram.Cy, 2)
        );

    private static XElement Point(XElement root, string series, string area) =>
        root.WithClass("skill-point").Single(p => p.Data("series") == series && p.Data("area") == area);

    [Fact]
    public void Build_RadarPoints_ScaleWithRatings()
    {
        var root = Svg.Parse(
            SkillsWheelDiagram.Build([
                new("Engagement", 5, 1, "", ""),
                new("Technical", 2, 4, "", ""),
                new("Content", 0, 3, "", ""),
                new("Business", 1, 5, "", ""),
                new("Strategic", 4, 2, "", ""),
            ])
        );

        Assert.Equal(SkillsWheelDiagram.Radius, Distance(Point(root, "team", "Engagement")), 1);
        Assert.Equal(SkillsWheelDiagram.Radius * 2 / 5, Distance(Point(root, "team", "Technical")), 1);
        Assert.Equal(0, Distance(Point(root, "team", "Content")), 1);
        Assert.Equal(SkillsWheelDiagram.Radius * 4 / 5, Distance(Point(root, "community", "Technical")), 1);
        Assert.True(Distance(Point(root, "community", "Business")) > Distance(Point(root, "community", "Strategic")));
        Assert.Equal("5", Point(root, "community", "Business").Data("value"));
    }

    [Fact]
    public void Build_MissingAreas_CountAsZero_AndAreaNamesMatchIgnoringCase()
    {
        var root = Svg.Parse(SkillsWheelDiagram.Build([new("technical", 3, 3, "", ""), new("Cooking", 5, 5, "", "")]));

        Assert.Equal("3", Point(root, "team", "Technical").Data("value"));
        Assert.All(
            new[] { "Engagement", "Content", "Business", "Strategic" },
            a => Assert.Equal("0", Point(root, "team", a).Data("value"))
        );
        Assert.Equal(10, root.WithClass("skill-point").Count());
    }

    [Fact]
    public void Build_Wheel_HasAxisLabelsRingsAndLegend()
    {
        var root = Svg.Parse(SkillsWheelDiagram.Build([]));
        var texts = root.Texts();

        Assert.All(SkillAreas.All, a => Assert.Contains(a, texts));
        Assert.Equal(SkillAreas.Max, root.WithClass("ring").Count());
        Assert.Contains("Project team", texts);
        Assert.Contains("Community", texts);
    }

    [Fact]
    public void Build_RatingsAboveTheScale_AreClamped()
    {
        var root = Svg.Parse(SkillsWheelDiagram.Build([new("Content", 99, -4, "", "")]));

        Assert.Equal(SkillsWheelDiagram.Radius, Distance(Point(root, "team", "Content")), 1);
        Assert.Equal("0", Point(root, "community", "Content").Data("value"));
    }
}
