using System.Globalization;
using Kindling.Web.Infrastructure;

namespace Kindling.Tests.Domain;

public class TimeZonesTests
{
    [Theory]
    [InlineData("Europe/London", "2026-03-28T15:00", "2026-03-28T15:00Z")] // GMT
    [InlineData("Europe/London", "2026-03-30T15:00", "2026-03-30T14:00Z")] // BST after 29 March
    [InlineData("America/New_York", "2026-11-02T09:00", "2026-11-02T14:00Z")] // EST after 1 November
    [InlineData("Australia/Sydney", "2026-04-06T09:00", "2026-04-05T23:00Z")] // AEST after 5 April
    public void TryToUtc_WallClockInZone_GivesTheRightInstant(string zone, string local, string expected)
    {
        Assert.True(TimeZones.TryToUtc(DateTime.Parse(local, CultureInfo.InvariantCulture), zone, out var utc));
        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture).ToUniversalTime(), utc);
        Assert.Equal(DateTime.Parse(local, CultureInfo.InvariantCulture), TimeZones.ToLocal(utc, zone));
    }

    [Fact]
    public void TryToUtc_HourSkippedBySpringForward_IsRefused() =>
        Assert.False(TimeZones.TryToUtc(new DateTime(2026, 3, 8, 2, 30, 0), "America/New_York", out _));

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_KnowsIanaZones(string? zone, bool valid) => Assert.Equal(valid, TimeZones.IsValid(zone));

    [Theory]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")] // what Chromium reports in India
    [InlineData("Europe/Kiev", "Europe/Kyiv")]
    [InlineData("US/Pacific", "America/Los_Angeles")]
    [InlineData("America/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("Etc/UTC", "UTC")]
    [InlineData("GMT", "UTC")]
    [InlineData("India Standard Time", "Asia/Kolkata")] // a Windows zone id
    [InlineData("asia/kolkata", "Asia/Kolkata")]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("Etc/GMT+5", "Etc/GMT+5")] // a real zone outside the list stays as it is
    [InlineData("Mars/Olympus", null)]
    [InlineData("../../etc/passwd", null)]
    public void Canonical_AnyIanaAliasOrWindowsId_GivesTheZoneOfTheList(string name, string? expected) =>
        Assert.Equal(expected, TimeZones.Canonical(name));

    [Fact]
    public void AliasesOf_ListedZone_NamesTheLegacyNamesBrowsersReport()
    {
        Assert.Contains("Asia/Calcutta", TimeZones.AliasesOf("Asia/Kolkata").Split(' '));
        Assert.Contains("Etc/UTC", TimeZones.AliasesOf("UTC").Split(' '));
        Assert.All(
            TimeZones.All.SelectMany(z => TimeZones.AliasesOf(z).Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            alias => Assert.Contains(TimeZones.Canonical(alias), TimeZones.All)
        );
    }
}
