using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class RoadmapDiagramTests
{
    private static Milestone M(string title, string due) => new(title, due, "", "", "");

    [Fact]
    public void Build_Milestones_RunLeftToRightByDate()
    {
        var root = Svg.Parse(
            RoadmapDiagram.Build([M("Launch", "2027-03-01"), M("Kick-off", "2026-12-01"), M("Review", "2027-09-15")])
        );
        var markers = root.WithClass("milestone").ToList();

        Assert.Equal(["2026-12-01", "2027-03-01", "2027-09-15"], markers.Select(m => m.Data("due")));
        Assert.Equal(["1", "0", "2"], markers.Select(m => m.Data("index")));
        var xs = markers.Select(m => m.FirstCircle().Num("cx")).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.Equal(3, xs.Distinct().Count());
        Assert.Contains("1 Dec 2026", markers[0].Texts());
        Assert.Contains("Kick-off", markers[0].Texts());
    }

    [Fact]
    public void Build_UndatedMilestones_ComeLastAndAreMarked()
    {
        var root = Svg.Parse(RoadmapDiagram.Build([M("Someday", ""), M("Soon", "2027-01-10"), M("Bad", "10/01/2027")]));
        var markers = root.WithClass("milestone").ToList();

        Assert.Equal(["Soon", "Someday", "Bad"], markers.Select(m => m.Texts()[1]));
        Assert.Equal(
            [false, true, true],
            markers.Select(m => ((string)m.Attribute("class")!).Split(' ').Contains("undated"))
        );
        Assert.All(markers.Skip(1), m => Assert.Contains("No date", m.Texts()));
    }

    [Fact]
    public void Build_ManyMilestones_WrapIntoRowsReadInDateOrder()
    {
        var list = Enumerable.Range(1, 9).Select(i => M($"Step {i}", $"2027-{i:00}-01")).Reverse().ToList();
        var markers = Svg.Parse(RoadmapDiagram.Build(list)).WithClass("milestone").ToList();
        var positions = markers.Select(m => (Y: m.FirstCircle().Num("cy"), X: m.FirstCircle().Num("cx"))).ToList();

        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"Step {i}"), markers.Select(m => m.Texts()[1]));
        Assert.Equal(positions.OrderBy(p => p.Y).ThenBy(p => p.X), positions);
        Assert.Equal(3, positions.Select(p => p.Y).Distinct().Count());
    }

    [Fact]
    public void Build_LongTitle_IsWrappedAndCut()
    {
        var title = string.Join(' ', Enumerable.Repeat("community", 20));
        var texts = Svg.Parse(RoadmapDiagram.Build([M(title, "2027-01-01")])).WithClass("milestone").Single().Texts();

        Assert.Equal(4, texts.Count); // the date and three title lines
        Assert.EndsWith("…", texts[^1]);
    }

    [Fact]
    public void Build_Empty_ShowsANote()
    {
        Assert.Contains("No milestones yet", Svg.Parse(RoadmapDiagram.Build([])).Texts());
    }
}
