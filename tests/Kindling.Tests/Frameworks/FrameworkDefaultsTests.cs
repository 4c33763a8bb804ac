using Kindling.Web.Features.Frameworks;

namespace Kindling.Tests.Frameworks;

public class FrameworkDefaultsTests
{
    [Fact]
    public void MountainLevels_GoFromFirstContactToLeadership()
    {
        var levels = FrameworkDefaults.MountainLevels;

        Assert.InRange(levels.Count, 4, 7);
        Assert.Contains("first contact", levels[0].Name, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Lead", levels[^1].Name, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(levels.Count, levels.Select(l => l.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(levels, l => Assert.False(string.IsNullOrWhiteSpace(l.Who)));
    }

    [Fact]
    public void ValueChoices_AreAboutFortyDistinctValues()
    {
        var values = FrameworkDefaults.ValueChoices;

        Assert.InRange(values.Count, 30, 50);
        Assert.Equal(values.Count, values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(values, v => Assert.Equal(v.Trim(), v));
    }
}
