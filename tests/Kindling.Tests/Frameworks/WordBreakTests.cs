using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

/// <summary>Pictures break text only between words: a long word is drawn smaller or ellipsised, never split over two
/// lines.</summary>
public class WordBreakTests
{
    private static readonly string[] LongWords =
    [
        "Collaboration",
        "Accountability",
        "Transparency",
        "Internationalisation",
        "Interdisciplinarity",
    ];
    private static readonly string Text = string.Join(' ', LongWords);

    public static TheoryData<string> Names() => new(Diagrams.Keys);

    private static readonly Dictionary<string, Func<Diagram>> Diagrams = new()
    {
        ["stakeholders"] = () =>
            StakeholderGridDiagram.Build([new(Text, Text, Text, 8, 8), new("Accountability", "", "", 2, 2)]),
        ["channels"] = () =>
            ChannelsDiagram.Build(
                new([new("Collaboration", Text)], [new("Transparency", Text)], [new("Accountability", Text)])
            ),
        ["mountain"] = () =>
            MountainDiagram.Build([
                new("Collaboration", Text, Text, Text, Text, Text, Text),
                new("Accountability", Text, "", "", "", "", ""),
            ]),
        ["skills"] = () =>
            SkillsWheelDiagram.Build(SkillAreas.All.Select(a => new SkillRating(a, 4, 2, Text, Text)).ToList()),
        ["values"] = () =>
            ValuesDiagram.Build(
                new(["Collaboration", "Accountability", "Transparency"], "Accountability", Text, [Text])
            ),
        ["roadmap"] = () =>
            RoadmapDiagram.Build([
                new("Internationalisation", "2027-01-10", Text, Text, Text),
                new("Accountability review", "2027-05-01", "", "", ""),
            ]),
        ["success"] = () => SuccessDiagram.Build(new(Text, Text, Text)),
    };

    [Theory, MemberData(nameof(Names))]
    public void Build_LongWords_NoWordIsSplitAcrossLines(string name)
    {
        var tokens = Svg.Parse(Diagrams[name]())
            .Texts()
            .SelectMany(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        foreach (
            var token in tokens
                .Where(t => !t.EndsWith(TextLayout.Ellipsis, StringComparison.Ordinal))
                .Select(t => t.Trim('.', ',', ':', ';'))
        )
        foreach (var word in LongWords)
            Assert.False(
                token.Length >= 3
                    && token != word
                    && (
                        word.StartsWith(token, StringComparison.Ordinal)
                        || word.EndsWith(token, StringComparison.Ordinal)
                    ),
                $"{name}: “{token}” is a piece of “{word}”"
            );
    }

    [Fact]
    public void Values_LongValueNames_AreDrawnWholeInTheirCircles()
    {
        var root = Svg.Parse(
            ValuesDiagram.Build(new(["Collaboration", "Accountability", "Transparency"], "Accountability", "", []))
        );

        var labels = root.WithClass("core-value").Select(g => string.Join(" ", g.Texts())).ToList();

        Assert.Equal(["Collaboration", "Accountability", "Transparency"], labels);
    }
}
