using System.Globalization;

namespace Kindling.Web.Features.Overview;

/// <summary>Numbers and small phrases as the overview, its charts and its exports write them.</summary>
public static class OverviewText
{
    public static string OneDecimal(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Whole(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"3 of 4 (75%)"; "0 of 0" when there is nothing to count.</summary>
    public static string OutOf(int part, int whole) =>
        whole == 0 ? $"{Whole(part)} of 0" : $"{Whole(part)} of {Whole(whole)} ({Percent(part, whole)}%)";

    public static int Percent(int part, int whole) =>
        whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    public static string Plural(int count, string one, string many) => $"{Whole(count)} {(count == 1 ? one : many)}";
}
