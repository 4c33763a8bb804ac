using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class MountainDiagramTests
{
    private static MountainLevel L(string name, string who = "") => new(name, who, "", "", "", "", "");

    [Fact]
    public void Build_Levels_AppearFromFootToSummitInOrder()
    {
        var root = Svg.Parse(MountainDiagram.Build([L("Newcomer"), L("Participant"), L("Contributor"), L("Leader")]));
        var levels = root.WithClass("mountain-level").ToList();

        Assert.Equal(["0", "1", "2", "3"], levels.Select(l => l.Data("index")));
        Assert.Equal(
            ["1. Newcomer", "2. Participant", "3. Contributor", "4. Leader"],
            levels.Select(l => l.Texts()[0])
        );
        var baselines = levels.Select(l => l.Descendants(Svg.Ns + "text").First().Num("y")).ToList();
        Assert.Equal(baselines.OrderByDescending(y => y), baselines); // first level lowest, last highest
        Assert.Equal(baselines.Count, baselines.Distinct().Count());
    }

    [Fact]
    public void Build_Bands_NarrowTowardsTheSummit()
    {
        var root = Svg.Parse(MountainDiagram.Build([L("A"), L("B"), L("C")]));
        var widths = root.WithClass("mountain-level")
            .Select(l =>
            {
                var xs = ((string)l.Element(Svg.Ns + "polygon")!.Attribute("points")!)
                    .Split(' ')
                    .Select(p => double.Parse(p.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture))
                    .ToList();
                return xs.Max() - xs.Min();
            })
            .ToList();

        Assert.True(widths[0] > widths[1] && widths[1] > widths[2]);
    }

    [Fact]
    public void Build_Who_IsShownUnderTheName()
    {
        var level = Svg.Parse(MountainDiagram.Build([L("Visitors", "People who found us online")]))
            .WithClass("mountain-level")
            .Single();

        Assert.Equal(["1. Visitors", "People who found us online"], level.Texts());
    }

    [Fact]
    public void Build_Empty_DrawsTheBareMountainWithANote()
    {
        var root = Svg.Parse(MountainDiagram.Build([]));

        Assert.Empty(root.WithClass("mountain-level"));
        Assert.Contains("No levels yet", root.Texts());
    }
}
