namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// An impact indicator (module 7): what is measured, by when (<see cref="Horizon"/> months: 6, 12 or 24), the
/// definition of success it serves, where it started, where it should get to and where it is now, how it stands
/// (<see cref="IndicatorStatus"/>), whether it is counted, told or both (<see cref="IndicatorSource"/>) and who hears
/// about it. A row with only a horizon and a success text is a draft: the indicator is still to be chosen.
/// </summary>
public sealed record ImpactIndicator(
    string Indicator,
    int Horizon,
    string Success,
    string Baseline,
    string Target,
    string Current,
    string Status,
    string Source,
    string Audience
)
{
    public bool IsNamed => !string.IsNullOrWhiteSpace(Indicator);
}

/// <summary>How an indicator stands; the order is the one summaries and pictures use (best first).</summary>
public static class IndicatorStatus
{
    public const string Met = "met",
        OnTrack = "on-track",
        AtRisk = "at-risk",
        NotStarted = "not-started";

    public static readonly IReadOnlyList<string> All = [Met, OnTrack, AtRisk, NotStarted];

    public static string Label(string status) =>
        status switch
        {
            Met => "Met",
            OnTrack => "On track",
            AtRisk => "At risk",
            NotStarted => "Not started",
            _ => status,
        };

    /// <summary>A mark that tells the statuses apart without colour (drawn in DejaVu Sans).</summary>
    public static string Mark(string status) =>
        status switch
        {
            Met => "✓",
            OnTrack => "→",
            AtRisk => "!",
            _ => "○",
        };

    public static (string Fill, string Stroke) Colours(string status) =>
        status switch
        {
            Met => (DiagramStyle.GreenSoft, DiagramStyle.Green),
            OnTrack => (DiagramStyle.AccentSoft, DiagramStyle.Accent),
            AtRisk => (DiagramStyle.WarmSoft, DiagramStyle.Warm),
            _ => (DiagramStyle.Grey, DiagramStyle.Line),
        };
}

/// <summary>Where an indicator's evidence comes from.</summary>
public static class IndicatorSource
{
    public const string Numbers = "numbers",
        Stories = "stories",
        Both = "both";

    public static readonly IReadOnlyList<string> All = [Numbers, Stories, Both];

    public static string Label(string source) =>
        source switch
        {
            Numbers => "Numbers",
            Stories => "Stories",
            Both => "Numbers and stories",
            _ => source,
        };
}

/// <summary>The horizons of the definitions of success, in months.</summary>
public static class IndicatorHorizons
{
    public static readonly IReadOnlyList<int> All = [6, 12, 24];

    /// <summary>The text a definition of success holds for a horizon (null for an unknown horizon).</summary>
    public static string? SuccessAt(SuccessDefinition success, int months) =>
        months switch
        {
            6 => success.SixMonths,
            12 => success.TwelveMonths,
            24 => success.TwentyFourMonths,
            _ => null,
        };
}
