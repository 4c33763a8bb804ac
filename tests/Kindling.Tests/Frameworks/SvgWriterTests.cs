using System.Globalization;
using System.Xml.Linq;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class SvgWriterTests
{
    private static Diagram Sample(string text, double x = 10.5) =>
        new(
            200,
            100,
            "A title",
            "A description",
            [
                new RectShape(
                    x,
                    5,
                    50,
                    20,
                    "#ffffff",
                    Meta: new ShapeMeta(
                        CssClass: "box",
                        Label: text,
                        Data: new Dictionary<string, string> { ["Name"] = text }
                    )
                ),
                new TextShape(x, 40, text),
                new GroupShape(
                    [new CircleShape(20, 20, 5, "#000000"), new LineShape(0, 0, 1, 1, "#000000", Dashed: true)],
                    new ShapeMeta(Id: "g1", CssClass: "pt")
                ),
                new PolygonShape([(0, 0), (10, 0), (5, 5)], null, "#000000", Closed: false),
            ]
        );

    [Fact]
    public void Write_AnyDiagram_IsAccessibleScalableSvg()
    {
        var root = Svg.Parse(Sample("hello"));

        Assert.Equal(Svg.Ns + "svg", root.Name);
        Assert.Equal("0 0 200 100", (string?)root.Attribute("viewBox"));
        // Natural size: a page shows the picture at its drawn size (text as big as the page's), shrinking it only to
        // fit.
        Assert.Equal("200", (string?)root.Attribute("width"));
        Assert.Equal("100", (string?)root.Attribute("height"));
        Assert.Equal("img", (string?)root.Attribute("role"));
        var title = root.Element(Svg.Ns + "title")!;
        var desc = root.Element(Svg.Ns + "desc")!;
        Assert.Equal("A title", title.Value);
        Assert.Equal("A description", desc.Value);
        Assert.Equal(
            $"{(string?)title.Attribute("id")} {(string?)desc.Attribute("id")}",
            (string?)root.Attribute("aria-labelledby")
        );
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Attribute("style") is not null);
        Assert.Empty(root.Descendants(Svg.Ns + "style"));
    }

    [Fact]
    public void Write_ShapeMeta_BecomesClassDataAndTooltip()
    {
        var root = Svg.Parse(Sample("Tip"));
        var box = Assert.Single(root.WithClass("box"));

        Assert.Equal("Tip", box.Data("name"));
        Assert.Equal("Tip", box.Element(Svg.Ns + "title")!.Value);
        Assert.Equal("g1", (string?)root.Descendants(Svg.Ns + "g").Single().Attribute("id"));
        Assert.Equal("none", (string?)root.Descendants(Svg.Ns + "polyline").Single().Attribute("fill"));
    }

    [Theory]
    [InlineData("<script>alert(\"x\")</script>")]
    [InlineData("Tom & Jerry's \"club\" <b>")]
    [InlineData("🔥 Fire 👩🏽‍💻 team")]
    [InlineData("]]><svg onload=alert(1)>")]
    public void Write_HostileText_IsEscapedAndStillParses(string hostile)
    {
        var root = Svg.Parse(Sample(hostile));

        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "b" or "svg");
        Assert.Contains(hostile, root.Texts());
        Assert.Equal(hostile, root.WithClass("box").Single().Data("name"));
        Assert.DoesNotContain(
            root.DescendantsAndSelf().SelectMany(e => e.Attributes()),
            a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Write_ControlCharactersAndLoneSurrogates_AreDropped()
    {
        var root = Svg.Parse(Sample("a\u0001b\u0007c\uD800d\uFFFFe"));

        Assert.Contains("abcde", root.Texts());
    }

    [Fact]
    public void Write_UnderACommaDecimalCulture_UsesInvariantNumbers()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var root = Svg.Parse(Sample("x", x: 10.5));
            Assert.Equal("10.5", (string?)root.WithClass("box").Single().Attribute("x"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Write_RootMeta_AddsClassAndDataToSvg()
    {
        var d = Sample("x") with
        {
            Meta = new ShapeMeta(CssClass: "grid", Data: new Dictionary<string, string> { ["plot-x"] = "4" }),
        };
        var root = XDocument.Parse(SvgWriter.Write(d)).Root!;

        Assert.Equal("diagram grid", (string?)root.Attribute("class"));
        Assert.Equal("4", root.Data("plot-x"));
    }

    [Fact]
    public void Write_WithIdPrefix_UsesItForTitleAndDesc()
    {
        var root = XDocument.Parse(SvgWriter.Write(Sample("x"), "charter-grid")).Root!;

        Assert.Equal("charter-grid-title charter-grid-desc", (string?)root.Attribute("aria-labelledby"));
    }
}
