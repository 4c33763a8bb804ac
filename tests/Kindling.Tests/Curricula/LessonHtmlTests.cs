using AngleSharp.Html.Parser;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Kernel;

namespace Kindling.Tests.Curricula;

/// <summary>The lesson page's rendering of what a lesson file says about the room: slides, silent rounds, the list to
/// pick from, and the credit with its links (every part encoded).</summary>
public class LessonHtmlTests
{
    private static LessonDocument Lesson(Credit? credit) =>
        new(
            "values",
            4,
            "Values",
            "ready",
            null,
            [],
            [
                new LessonActivity(
                    "roll-call",
                    "Roll call",
                    5,
                    false,
                    ["Pick three values."],
                    Silent: true,
                    PickFrom: ["Kindness", "<b>Care</b>"]
                ),
                new LessonActivity("presentation", "Talk", 55, true, []),
            ],
            [],
            [],
            null,
            "",
            Slides: "https://slides.example.org/deck?a=1&b=2",
            Credit: credit
        );

    [Fact]
    public void Render_ShowsSlidesSilentRoundPickListAndLinkedCredit()
    {
        var credit = new Credit(
            "Training <i>one</i>",
            "A. Author",
            "https://example.org/training",
            "CC BY 4.0",
            "https://creativecommons.org/licenses/by/4.0/",
            "Changes were made."
        );

        var doc = new HtmlParser().ParseDocument(LessonHtml.Render(Lesson(credit)));

        Assert.Equal(
            "https://slides.example.org/deck?a=1&b=2",
            doc.QuerySelector(".slides-link a")!.GetAttribute("href")
        );
        var items = doc.QuerySelectorAll("ol.activities > li").ToList();
        Assert.Contains("silent round", items[0].QuerySelector("h3")!.TextContent);
        Assert.DoesNotContain("silent round", items[1].QuerySelector("h3")!.TextContent);
        Assert.Equal(
            ["Kindness", "<b>Care</b>"],
            items[0].QuerySelectorAll(".pick-list li").Select(li => li.TextContent)
        );
        Assert.Null(doc.QuerySelector(".pick-list b"));
        var attribution = doc.QuerySelector(".attribution")!;
        Assert.Equal(
            [
                ("Training <i>one</i>", "https://example.org/training"),
                ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
            ],
            attribution.QuerySelectorAll("a").Select(a => (a.TextContent, a.GetAttribute("href")))
        );
        Assert.Null(attribution.QuerySelector("i"));
        Assert.Contains("A. Author", attribution.TextContent);
        Assert.Contains("Changes were made.", attribution.TextContent);
    }

    [Fact]
    public void Render_WithoutAFileCredit_FallsBackToTheCurriculumsAttribution()
    {
        var doc = new HtmlParser().ParseDocument(LessonHtml.Render(Lesson(null), "Adapted from our own course."));

        Assert.Equal("Adapted from our own course.", doc.QuerySelector(".attribution")!.TextContent);
    }
}
