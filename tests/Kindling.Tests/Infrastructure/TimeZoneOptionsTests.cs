using AngleSharp.Html.Parser;
using Kindling.Web.Infrastructure;

namespace Kindling.Tests.Infrastructure;

/// <summary>The time-zone choices of every form: the person's zone chosen, once; no zone chosen for someone
/// without one; every zone offered with the names browsers may report for it.</summary>
public class TimeZoneOptionsTests
{
    private static AngleSharp.Html.Dom.IHtmlSelectElement Select(string? current, bool detect = true) =>
        (AngleSharp.Html.Dom.IHtmlSelectElement)
            new HtmlParser()
                .ParseDocument($"<select name=z>{Written(current, detect)}</select>")
                .QuerySelector("select")!;

    private static string Written(string? current, bool detect)
    {
        using var text = new StringWriter();
        TimeZoneOptions.Html(current, detect).WriteTo(text, System.Text.Encodings.Web.HtmlEncoder.Default);
        return text.ToString();
    }

    [Theory]
    [InlineData("Europe/London", "Europe/London")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData(null, "")]
    [InlineData("Mars/Olympus_Mons", "")]
    public void ThePersonsZone_IsTheOneChosen(string? current, string chosen)
    {
        foreach (var detect in new[] { true, false })
        {
            var select = Select(current, detect);

            Assert.Equal(chosen, select.Value);
            Assert.Single(select.Options, o => o.HasAttribute("selected"));
        }
    }

    [Fact]
    public void EveryZone_IsOffered_WithItsLegacyNames()
    {
        var select = Select("UTC");

        Assert.Equal(TimeZones.All.Count + 1, select.Options.Length);
        Assert.Equal(TimeZones.All, select.Options.Skip(1).Select(o => o.Value));
        var kolkata = select.Options.Single(o => o.Value == "Asia/Kolkata");
        Assert.Contains("Asia/Calcutta", kolkata.GetAttribute("data-aliases")!.Split(' '));
    }

    [Fact]
    public void WithoutDetection_EveryZoneIsOffered_WithoutTheLegacyNames()
    {
        var select = Select("Asia/Kolkata", detect: false);

        Assert.Equal(TimeZones.All, select.Options.Skip(1).Select(o => o.Value));
        Assert.Equal(TimeZones.All, select.Options.Skip(1).Select(o => o.Text));
        Assert.DoesNotContain(select.Options, o => o.HasAttribute("data-aliases"));
        Assert.Equal("Asia/Kolkata", select.Value);
    }
}
