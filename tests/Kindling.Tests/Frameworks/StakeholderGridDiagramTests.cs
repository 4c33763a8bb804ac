using System.Xml.Linq;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class StakeholderGridDiagramTests
{
    private static Stakeholder S(string name, int power, int interest) =>
        new(name, "Role", "Participation", power, interest);

    private static XElement QuadrantRect(XElement root, string slug) =>
        root.WithClass("quadrant").Single(r => r.Data("quadrant") == slug);

    private static bool Inside(XElement rect, double x, double y) =>
        x > rect.Num("x")
        && x < rect.Num("x") + rect.Num("width")
        && y > rect.Num("y")
        && y < rect.Num("y") + rect.Num("height");

    [Theory]
    [InlineData(9, 9, "manage-closely")]
    [InlineData(9, 2, "keep-satisfied")]
    [InlineData(2, 9, "inform-regularly")]
    [InlineData(2, 2, "monitor")]
    [InlineData(10, 10, "manage-closely")]
    [InlineData(1, 1, "monitor")]
    public void Build_Point_LandsInsideItsQuadrant(int power, int interest, string slug)
    {
        var root = Svg.Parse(StakeholderGridDiagram.Build([S("Funder", power, interest)]));
        var circle = root.WithClass("stakeholder-point").Single().FirstCircle();

        Assert.True(Inside(QuadrantRect(root, slug), circle.Num("cx"), circle.Num("cy")));
        Assert.Single(root.WithClass("quadrant"), r => Inside(r, circle.Num("cx"), circle.Num("cy")));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 6)]
    [InlineData(6, 5)]
    [InlineData(6, 6)]
    public void Build_BoundaryValues_FollowQuadrantOf(int power, int interest)
    {
        var root = Svg.Parse(StakeholderGridDiagram.Build([S("Edge", power, interest)]));
        var point = root.WithClass("stakeholder-point").Single();
        var circle = point.FirstCircle();
        var expected = StakeholderGridDiagram.Slug(StakeholderGrid.QuadrantOf(power, interest));

        Assert.True(Inside(QuadrantRect(root, expected), circle.Num("cx"), circle.Num("cy")));
        Assert.Equal(expected, point.Data("quadrant"));
    }

    [Fact]
    public void Build_QuadrantsAndAxes_AreLabelled()
    {
        var texts = Svg.Parse(StakeholderGridDiagram.Build([])).Texts();

        Assert.Contains("Manage closely", texts);
        Assert.Contains("Keep satisfied", texts);
        Assert.Contains("Inform regularly", texts);
        Assert.Contains(texts, t => t.StartsWith("Monitor and anticipate", StringComparison.Ordinal));
        Assert.Contains("Power", texts);
        Assert.Contains("Interest", texts);
    }

    [Fact]
    public void Build_Points_CarryTheirNumbersAndRootCarriesGeometry()
    {
        var root = Svg.Parse(StakeholderGridDiagram.Build([S("A", 3, 8), S("B", 7, 1)]));
        var points = root.WithClass("stakeholder-point").ToList();

        Assert.Equal(["0", "1"], points.Select(p => p.Data("index")));
        Assert.Equal(["3", "7"], points.Select(p => p.Data("power")));
        Assert.Equal(["8", "1"], points.Select(p => p.Data("interest")));
        Assert.Equal(
            StakeholderGridDiagram.PlotX,
            double.Parse(root.Data("plot-x"), System.Globalization.CultureInfo.InvariantCulture)
        );
        Assert.Equal("1", root.Data("min"));
        Assert.Equal("10", root.Data("max"));
        Assert.NotNull(root.Attribute("data-plot-w"));
        Assert.NotNull(root.Attribute("data-plot-h"));
    }

    [Fact]
    public void ToPlotAndFromPlot_RoundTripEveryValue()
    {
        for (var p = StakeholderGrid.Min; p <= StakeholderGrid.Max; p++)
        for (var i = StakeholderGrid.Min; i <= StakeholderGrid.Max; i++)
        {
            var (x, y) = StakeholderGridDiagram.ToPlot(p, i);
            Assert.Equal((p, i), StakeholderGridDiagram.FromPlot(x, y));
            // a drop near the centre still counts
            Assert.Equal((p, i), StakeholderGridDiagram.FromPlot(x + 15, y - 15));
        }
        Assert.Equal((10, 1), StakeholderGridDiagram.FromPlot(-500, -500));
    }

    [Fact]
    public void Build_PointsAtTheSameSpot_AreOffsetButStayInTheirQuadrant()
    {
        var root = Svg.Parse(StakeholderGridDiagram.Build([S("A", 8, 8), S("B", 8, 8), S("C", 8, 8)]));
        var centres = root.WithClass("stakeholder-point")
            .Select(p => p.FirstCircle())
            .Select(c => (c.Num("cx"), c.Num("cy")))
            .ToList();

        Assert.Equal(3, centres.Distinct().Count());
        Assert.All(centres, c => Assert.True(Inside(QuadrantRect(root, "manage-closely"), c.Item1, c.Item2)));
    }

    [Fact]
    public void Build_LongName_IsTruncatedWithEllipsis()
    {
        var root = Svg.Parse(
            StakeholderGridDiagram.Build([S("The Extremely Long Named Regional Funding Council of Everything", 3, 3)])
        );
        var label = root.WithClass("stakeholder-point").Single().Texts().Last();

        Assert.EndsWith("…", label);
        Assert.True(label.Length < 30);
    }

    [Fact]
    public void Build_Empty_ShowsTheGridWithANote()
    {
        var root = Svg.Parse(StakeholderGridDiagram.Build([]));

        Assert.Equal(4, root.WithClass("quadrant").Count());
        Assert.Contains("No stakeholders yet", root.Texts());
        Assert.Empty(root.WithClass("stakeholder-point"));
    }

    [Fact]
    public void Build_OutOfRangeValues_AreClampedOntoTheGrid()
    {
        var point = Svg.Parse(StakeholderGridDiagram.Build([S("X", 42, -3)])).WithClass("stakeholder-point").Single();

        Assert.Equal("10", point.Data("power"));
        Assert.Equal("1", point.Data("interest"));
        Assert.Equal("keep-satisfied", point.Data("quadrant"));
    }
}
