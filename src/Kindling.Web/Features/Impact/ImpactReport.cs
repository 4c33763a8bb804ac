using Kindling.Web.Features.Frameworks;

namespace Kindling.Web.Features.Impact;

/// <summary>
/// A project's impact report: for each worksheet with impact indicators, every indicator's status and current value at
/// each review snapshot (the worksheet's labelled versions, oldest first) and now. The page, the Markdown and the PDF
/// are written from it.
/// </summary>
public sealed record ImpactReport(string ProjectName, DateTime CompiledUtc, IReadOnlyList<ImpactSheet> Sheets)
{
    /// <summary>How many indicators stand at each status now, across the report (in <see
    /// cref="IndicatorStatus.All"/> order).</summary>
    public IReadOnlyList<(string Status, int Count)> Now =>
        IndicatorStatus.All.Select(s => (s, Sheets.Sum(sheet => sheet.Rows.Count(r => r.Now?.Status == s)))).ToList();

    public int IndicatorsNow => Sheets.Sum(s => s.Rows.Count(r => r.Now is not null));
}

/// <param name="IsNow">The worksheet as it is now (the last snapshot); the others are labelled versions.</param>
public sealed record ImpactSnapshot(string Label, DateTime SavedUtc, bool IsNow);

/// <summary>An indicator at one snapshot.</summary>
public sealed record ImpactCell(string Status, string Current);

/// <summary>
/// One indicator over the snapshots: what it is (as most recently written) and a cell per snapshot, null where the
/// worksheet did not have it then.
/// </summary>
public sealed record ImpactRow(
    string Indicator,
    int Horizon,
    string Success,
    string Baseline,
    string Target,
    string Source,
    string Audience,
    IReadOnlyList<ImpactCell?> Cells
)
{
    public ImpactCell? Now => Cells.Count > 0 ? Cells[^1] : null;
}

public sealed record ImpactSheet(
    Guid WorksheetId,
    string Title,
    DateTime UpdatedUtc,
    IReadOnlyList<ImpactSnapshot> Snapshots,
    IReadOnlyList<ImpactRow> Rows
)
{
    /// <summary>How many indicators stood at each status at snapshot <paramref name="index"/> (in
    /// <see cref="IndicatorStatus.All"/> order).</summary>
    public IReadOnlyList<int> Counts(int index) =>
        IndicatorStatus.All.Select(s => Rows.Count(r => r.Cells[index]?.Status == s)).ToList();
}
