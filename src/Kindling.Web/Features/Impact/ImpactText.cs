using System.Globalization;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Impact;

/// <summary>Words the impact report's page, Markdown and PDF share.</summary>
public static class ImpactText
{
    public const string Attribution =
        "Compiled with Kindling. The impact report builds on “Foundational Community Building and Engagement "
        + "Training” by Malvika Sharan (CC BY 4.0), adapted and extended; the content is the project's own.";

    public const string NoWorksheet =
        "This project has no worksheet with impact indicators yet. Make a copy of the impact assignment from the "
        + "project page, choose your indicators there, then label a version at each review to follow them here.";

    public const string NotShared = "This project has not shared a worksheet with impact indicators with you.";

    public static readonly IReadOnlyList<string> DetailColumns =
    [
        "Indicator",
        "By (months)",
        "Success it serves",
        "Baseline",
        "Target",
        "Source",
        "Audience",
    ];

    public static readonly IReadOnlyList<string> CountColumns =
    [
        "Snapshot",
        .. IndicatorStatus.All.Select(IndicatorStatus.Label),
    ];

    /// <summary>A download file name from the project name: lower-case letters, digits and hyphens only.</summary>
    public static string FileName(string projectName, string extension)
    {
        var slug = CharterSlugs.Readable(projectName);
        return $"{(slug.Length == 0 ? "community" : slug)}-impact-report.{extension}";
    }

    public static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A snapshot's column heading: its label and date ("Now" for the current data).</summary>
    public static string Heading(ImpactSnapshot s) => s.IsNow ? "Now" : $"{s.Label} ({Date(s.SavedUtc)})";

    /// <summary>An indicator at one snapshot, as one line: status and current value.</summary>
    public static string Cell(ImpactCell? cell) =>
        cell is null ? "Not tracked then"
        : string.IsNullOrWhiteSpace(cell.Current) ? IndicatorStatus.Label(cell.Status)
        : $"{IndicatorStatus.Label(cell.Status)}: {TextLayout.Clean(cell.Current)}";

    public static IReadOnlyList<string> Details(ImpactRow r) =>
        [
            r.Indicator,
            r.Horizon.ToString(CultureInfo.InvariantCulture),
            r.Success,
            r.Baseline,
            r.Target,
            IndicatorSource.Label(r.Source),
            r.Audience,
        ];

    /// <summary>"2 met, 1 on track, 1 at risk and 0 not started" for counts in <see cref="IndicatorStatus.All"/>
    /// order.</summary>
    public static string Counts(IReadOnlyList<int> counts)
    {
        var parts = IndicatorStatus
            .All.Select((s, i) => $"{counts[i]} {IndicatorStatus.Label(s).ToLowerInvariant()}")
            .ToList();
        return string.Join(", ", parts[..^1]) + " and " + parts[^1];
    }

    /// <summary>The summary line of the whole report, about now.</summary>
    public static string Summary(ImpactReport report)
    {
        var n = report.IndicatorsNow;
        if (n == 0)
            return "No indicators are named yet.";
        var counts = report.Now.Select(x => x.Count).ToList();
        return $"Now, of {n} indicator{(n == 1 ? "" : "s")}: {Counts(counts)}.";
    }
}
