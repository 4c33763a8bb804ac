using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

/// <summary>Values, channels and success: the smaller pictures.</summary>
public class SmallDiagramTests
{
    [Fact]
    public void Values_ThreeChosen_DefinedOneIsHighlightedWithItsDefinition()
    {
        var root = Svg.Parse(
            ValuesDiagram.Build(
                new(["Openness", "Care", "Curiosity", "Extra"], "care", "We look out for each other.", [])
            )
        );
        var values = root.WithClass("core-value").ToList();

        Assert.Equal(
            [
                ["Openness"],
                ["Care"],
                ["Curiosity"],
            ],
            values.Select(v => v.Texts())
        );
        Assert.Equal("Care", Assert.Single(root.WithClass("defined")).Texts().Single());
        Assert.Contains("We look out for each other.", root.Texts());
    }

    [Fact]
    public void Values_FewerThanThree_ShowsOnlyThose()
    {
        var root = Svg.Parse(ValuesDiagram.Build(new(["Trust", "  "], "", "", [])));

        Assert.Equal("Trust", Assert.Single(root.WithClass("core-value")).Texts().Single());
        Assert.Empty(root.WithClass("defined"));
    }

    [Fact]
    public void Channels_PrimaryIsBetweenAsynchronousAndSynchronous()
    {
        var root = Svg.Parse(
            ChannelsDiagram.Build(
                new(
                    [new("Forum", "Where decisions are written down")],
                    [new("Newsletter", "Monthly"), new("Chat", "Quick questions"), new("Wiki", "")],
                    [new("Weekly call", "Check-ins")]
                )
            )
        );
        double Y(string cls) => root.WithClass(cls).First().DescendantsAndSelf(Svg.Ns + "rect").First().Num("y");

        Assert.Contains("Forum", root.Texts());
        Assert.Equal(3, root.WithClass("channel-async").Count());
        Assert.True(Y("channel-async") < Y("channel-primary"));
        Assert.True(Y("channel-primary") < Y("channel-sync"));
    }

    [Fact]
    public void Success_ThreeRisingSteps_LongTextCutWithEllipsis()
    {
        var longText = string.Join(
            ' ',
            Enumerable.Repeat("We have a lively, welcoming group of regular contributors.", 12)
        );
        var root = Svg.Parse(SuccessDiagram.Build(new("Ten members", "A first event", longText)));
        var steps = root.WithClass("success-step").ToList();
        var tops = steps.Select(s => s.Descendants(Svg.Ns + "rect").First().Num("y")).ToList();

        Assert.Equal(["6", "12", "24"], steps.Select(s => s.Data("months")));
        Assert.True(tops[0] > tops[1] && tops[1] > tops[2]);
        Assert.Contains("Ten members", steps[0].Texts());
        Assert.EndsWith("…", steps[2].Texts()[^1]);
        Assert.All(steps[2].Descendants(Svg.Ns + "text"), t => Assert.True(t.Num("y") < SuccessDiagram.Height));
    }
}
