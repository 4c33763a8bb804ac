using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

/// <summary>Every renderer: empty input draws without error, hostile text stays text, and nothing leaves the
/// canvas.</summary>
public class AllDiagramsTests
{
    private const string Hostile =
        "<script>alert('x')</script> & \"quotes\" 🔥👩🏽‍💻 and then a long tail of ordinary words "
        + "that goes on well past the width of any box in these pictures, so every renderer has to wrap or cut it "
        + "somewhere";

    public static TheoryData<string> Names() => new(Empty.Keys);

    private static readonly Dictionary<string, Func<Diagram>> Empty = new()
    {
        ["stakeholders"] = () => StakeholderGridDiagram.Build([]),
        ["channels"] = () => ChannelsDiagram.Build(new([], [], [])),
        ["mountain"] = () => MountainDiagram.Build([]),
        ["skills"] = () => SkillsWheelDiagram.Build([]),
        ["values"] = () => ValuesDiagram.Build(new([], "", "", [])),
        ["roadmap"] = () => RoadmapDiagram.Build([]),
        ["success"] = () => SuccessDiagram.Build(new("", "", "")),
        ["practices"] = () => PracticesDiagram.Build([]),
        ["event-timeline"] = () => EventTimelineDiagram.Build([]),
    };

    private static readonly Dictionary<string, Func<Diagram>> WithHostileText = new()
    {
        ["stakeholders"] = () => StakeholderGridDiagram.Build([new(Hostile, Hostile, Hostile, 7, 7)]),
        ["channels"] = () =>
            ChannelsDiagram.Build(new([new(Hostile, Hostile)], [new(Hostile, Hostile)], [new(Hostile, Hostile)])),
        ["mountain"] = () =>
            MountainDiagram.Build([new(Hostile, Hostile, Hostile, Hostile, Hostile, Hostile, Hostile)]),
        ["skills"] = () => SkillsWheelDiagram.Build([new(Hostile, 3, 3, Hostile, Hostile)]),
        ["values"] = () => ValuesDiagram.Build(new([Hostile, "Care"], Hostile, Hostile, [Hostile])),
        ["roadmap"] = () => RoadmapDiagram.Build([new(Hostile, Hostile, Hostile, Hostile, Hostile)]),
        ["success"] = () => SuccessDiagram.Build(new(Hostile, Hostile, Hostile)),
        ["practices"] = () =>
            PracticesDiagram.Build([
                new(Hostile, PracticeStates.InPlace, Hostile, Hostile),
                new(Hostile, Hostile, Hostile, Hostile),
            ]),
        ["event-timeline"] = () =>
            EventTimelineDiagram.Build([
                new(EventPhases.Before, Hostile, Hostile, Hostile, true),
                new(Hostile, Hostile, Hostile, Hostile, false),
            ]),
    };

    [Theory, MemberData(nameof(Names))]
    public void Build_EmptyInput_RendersWellFormedSvgWithTitleAndDesc(string name)
    {
        var root = Svg.Parse(Empty[name]());

        Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg.Ns + "title")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg.Ns + "desc")?.Value));
    }

    [Theory, MemberData(nameof(Names))]
    public void Build_HostileText_IsEscapedAndParses(string name)
    {
        var svg = SvgWriter.Write(WithHostileText[name]());
        var root = System.Xml.Linq.XDocument.Parse(svg).Root!;

        Assert.DoesNotContain("<script", svg);
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName == "script");
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
    }

    [Theory, MemberData(nameof(Names))]
    public void Build_NullValues_AreTreatedAsEmpty(string name)
    {
        // Worksheet JSON may lack properties: records then hold nulls despite their types.
        Diagram d = name switch
        {
            "stakeholders" => StakeholderGridDiagram.Build([new(null!, null!, null!, 0, 0)]),
            "channels" => ChannelsDiagram.Build(new(null!, [new(null!, null!)], null!)),
            "mountain" => MountainDiagram.Build([new(null!, null!, null!, null!, null!, null!, null!)]),
            "skills" => SkillsWheelDiagram.Build([new(null!, 1, 1, null!, null!)]),
            "values" => ValuesDiagram.Build(new(null!, null!, null!, null!)),
            "roadmap" => RoadmapDiagram.Build([new(null!, null!, null!, null!, null!)]),
            "practices" => PracticesDiagram.Build([new(null!, null!, null!, null!), null!]),
            "event-timeline" => EventTimelineDiagram.Build([new(null!, null!, null!, null!, false), null!]),
            _ => SuccessDiagram.Build(new(null!, null!, null!)),
        };
        Assert.NotNull(Svg.Parse(d));
    }

    [Theory, MemberData(nameof(Names))]
    public void Build_LongText_StaysInsideTheCanvas(string name)
    {
        var d = WithHostileText[name]();
        var root = Svg.Parse(d);

        foreach (var text in root.Descendants(Svg.Ns + "text"))
        {
            var size = text.Num("font-size");
            var width = TextLayout.Width(
                string.Concat(text.Nodes().OfType<System.Xml.Linq.XText>().Select(t => t.Value)),
                size,
                (string?)text.Attribute("font-weight") == "bold"
            );
            var x = text.Num("x");
            var (left, right) = (string?)text.Attribute("text-anchor") switch
            {
                "middle" => (x - width / 2, x + width / 2),
                "end" => (x - width, x),
                _ => (x, x + width),
            };
            Assert.True(left >= 0 && right <= d.Width, $"'{text.Value}' spans {left:0}..{right:0} of {d.Width}");
            Assert.InRange(text.Num("y"), size * 0.7, d.Height);
        }
    }
}
