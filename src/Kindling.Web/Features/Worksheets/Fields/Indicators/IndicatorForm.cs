using System.Globalization;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;

namespace Kindling.Web.Features.Worksheets.Fields.Indicators;

/// <summary>Reads one indicator row of the editor, with a problem named after the indicator for each bad
/// input.</summary>
internal static class IndicatorForm
{
    public static ImpactIndicator Read(FieldReader read, int row)
    {
        var at = $"row {row + 1} of {read.Label}";
        var name = read.Text(read.Key(row, "indicator"), WorksheetForm.MaxText, $"The indicator in {at}");
        var who = name.Length > 0 ? $"‘{name}’" : $"the indicator in {at}";
        string T(string part, string what, int max = WorksheetForm.MaxCell) =>
            read.Text(read.Key(row, part), max, $"{what} for {who}");

        var success = T("serves", "The success it serves", WorksheetForm.MaxLongText);
        var baseline = T("baseline", "The baseline");
        var target = T("target", "The target");
        var current = T("current", "The current value");
        var audience = T("audience", "The audience");
        var horizon = Horizon(read, row, who);
        var status = Pick(read, row, "status", IndicatorStatus.All, IndicatorStatus.NotStarted);
        if (status is null)
            read.Error(read.Key(row, "status"), $"Choose the status of {who}: not started, on track, at risk or met.");
        var source = Pick(read, row, "source", IndicatorSource.All, "");
        if (source is null)
            read.Error(
                read.Key(row, "source"),
                $"Choose where the evidence for {who} comes from: numbers, stories, or both."
            );
        var measured = new[] { baseline, target, current, audience }.Any(FieldText.Has);
        if (name.Length == 0 && (measured || status is not (IndicatorStatus.NotStarted or null) || source is not ""))
            read.Error(
                read.Key(row, "indicator"),
                $"Name the indicator in {at}: say what you will count or collect before giving its baseline, "
                    + "target, current value, status, source or audience."
            );
        return new ImpactIndicator(
            name,
            horizon,
            success,
            baseline,
            target,
            current,
            status ?? IndicatorStatus.NotStarted,
            source ?? "",
            audience
        );
    }

    private static int Horizon(FieldReader read, int row, string who)
    {
        var raw = read.Form.Get(read.Key(row, "horizon")).Trim();
        if (
            int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var months)
            && IndicatorHorizons.All.Contains(months)
        )
            return months;
        read.Error(read.Key(row, "horizon"), $"Choose by when {who} should show success: 6, 12 or 24 months.");
        return 0;
    }

    /// <summary>The posted option, <paramref name="blank"/> for the empty first option, null for anything
    /// else.</summary>
    private static string? Pick(FieldReader read, int row, string part, IReadOnlyList<string> options, string blank)
    {
        var raw = read.Form.Get(read.Key(row, part)).Trim();
        return raw.Length == 0 ? blank
            : options.Contains(raw, StringComparer.Ordinal) ? raw
            : null;
    }
}
