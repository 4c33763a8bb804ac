using System.Globalization;
using Kindling.Web.Features.Frameworks;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Impact;

/// <summary>
/// A worksheet's indicators by status at each snapshot: one stacked bar per snapshot, oldest first, each part holding
/// its count and mark, with a legend that names the statuses (never the colour alone). The page puts the same counts
/// in a table beside it.
/// </summary>
public static class ImpactChart
{
    private const double Margin = 16,
        Column = 124,
        Bar = 56,
        Top = 16,
        Plot = 170,
        Legend = 26;

    public static Diagram Build(ImpactSheet sheet)
    {
        var n = sheet.Snapshots.Count;
        var width = Math.Max(440, 2 * Margin + n * Column);
        var left = (width - n * Column) / 2; // the bars sit in the middle when they do not fill the width
        var floor = Top + Plot;
        var height = floor + 44 + Legend + Margin;
        var totals = Enumerable.Range(0, n).Select(i => sheet.Counts(i).Sum()).ToList();
        var unit = Plot / Math.Max(1, totals.DefaultIfEmpty(0).Max());
        var shapes = new List<Shape> { new LineShape(Margin, floor, width - Margin, floor, Line, 1.5) };
        for (var i = 0; i < n; i++)
        {
            var x = left + i * Column + (Column - Bar) / 2;
            var counts = sheet.Counts(i);
            var y = floor;
            var parts = new List<Shape>();
            for (var s = 0; s < counts.Count; s++)
            {
                if (counts[s] == 0)
                    continue;
                var h = counts[s] * unit;
                y -= h;
                var status = IndicatorStatus.All[s];
                var (fill, stroke) = IndicatorStatus.Colours(status);
                parts.Add(new RectShape(x, y, Bar, h, fill, stroke, 1.5));
                if (h >= 16)
                    parts.Add(
                        new TextShape(
                            x + Bar / 2,
                            y + h / 2 + 5,
                            $"{IndicatorStatus.Mark(status)} {counts[s]}",
                            13,
                            Ink,
                            TextAnchor.Middle,
                            true
                        )
                    );
            }
            if (totals[i] == 0)
                parts.Add(new TextShape(x + Bar / 2, floor - 8, "none", 12, Muted, TextAnchor.Middle));
            var snapshot = sheet.Snapshots[i];
            var cx = left + i * Column + Column / 2;
            parts.Add(
                new TextShape(
                    cx,
                    floor + 18,
                    TextLayout.Truncate(snapshot.Label, Column - 8, 12, bold: true),
                    12,
                    Ink,
                    TextAnchor.Middle,
                    true
                )
            );
            parts.Add(new TextShape(cx, floor + 34, ShortDate(snapshot.SavedUtc), 11, Muted, TextAnchor.Middle));
            shapes.Add(
                new GroupShape(
                    parts,
                    new ShapeMeta(
                        CssClass: "impact-snapshot",
                        Label: $"{ImpactText.Heading(snapshot)}: {Counts(counts)}"
                    )
                )
            );
        }
        shapes.AddRange(LegendShapes(floor + 44 + 8, width));
        return new Diagram(
            width,
            height,
            $"Status of the indicators at each review: {sheet.Title}",
            Describe(sheet),
            shapes
        )
        {
            Meta = Css("impact-chart"),
        };
    }

    private static IEnumerable<Shape> LegendShapes(double y, double width)
    {
        var step = (width - 2 * Margin) / IndicatorStatus.All.Count;
        for (var s = 0; s < IndicatorStatus.All.Count; s++)
        {
            var status = IndicatorStatus.All[s];
            var (fill, stroke) = IndicatorStatus.Colours(status);
            var x = Margin + s * step;
            yield return new RectShape(x, y, 16, 16, fill, stroke, 1.5);
            yield return new TextShape(x + 8, y + 13, IndicatorStatus.Mark(status), 11, Ink, TextAnchor.Middle, true);
            yield return new TextShape(x + 22, y + 13, IndicatorStatus.Label(status), 12, Ink);
        }
    }

    private static string Counts(IReadOnlyList<int> counts) => ImpactText.Counts(counts);

    private static string ShortDate(DateTime utc) => utc.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Describe(ImpactSheet sheet)
    {
        var parts = sheet.Snapshots.Select((s, i) => $"{ImpactText.Heading(s)}: {Counts(sheet.Counts(i))}.");
        return $"How many of the indicators in ‘{sheet.Title}’ stood at each status, snapshot by snapshot, oldest "
            + $"first. {string.Join(" ", parts)}";
    }
}
