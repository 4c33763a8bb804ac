using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// Impact indicators in three columns, by 6, 12 and 24 months; each indicator a card with its status as a word, a mark
/// and a colour (never the colour alone). A column shows up to <see cref="PerColumn"/> cards and counts the rest.
/// </summary>
public static class IndicatorsDiagram
{
    public const int PerColumn = 6;
    public const double Width = 480;
    private const double Margin = 12,
        Gap = 8,
        Top = 44,
        CardH = 40,
        CardGap = 6;
    private static readonly double ColumnW = (Width - 2 * Margin - 2 * Gap) / 3;

    public static Diagram Build(IReadOnlyList<ImpactIndicator> indicators)
    {
        var named = (indicators ?? [])
            .Where(i => i is not null && i.IsNamed && IndicatorHorizons.All.Contains(i.Horizon))
            .ToList();
        var columns = IndicatorHorizons.All.Select(h => (Months: h, Items: named.Where(i => i.Horizon == h).ToList()));
        var tallest = Math.Max(1, named.GroupBy(i => i.Horizon).Select(g => g.Count()).DefaultIfEmpty(0).Max());
        var shown = Math.Min(tallest, PerColumn);
        var height = Top + shown * (CardH + CardGap) + (tallest > PerColumn ? 22 : 0) + Margin;
        var shapes = new List<Shape>();
        var col = 0;
        foreach (var (months, items) in columns)
        {
            var x = Margin + col++ * (ColumnW + Gap);
            shapes.Add(new RectShape(x, 8, ColumnW, height - 16, Sand, null, 0, 6));
            shapes.Add(new TextShape(x + ColumnW / 2, 30, $"By {months} months", 13, Ink, TextAnchor.Middle, true));
            if (items.Count == 0)
                shapes.Add(new TextShape(x + ColumnW / 2, Top + 24, "No indicators", 12, Muted, TextAnchor.Middle));
            for (var i = 0; i < Math.Min(items.Count, PerColumn); i++)
                shapes.Add(Card(items[i], x + 6, Top + i * (CardH + CardGap), ColumnW - 12));
            if (items.Count > PerColumn)
                shapes.Add(
                    new TextShape(
                        x + ColumnW / 2,
                        Top + PerColumn * (CardH + CardGap) + 12,
                        $"and {items.Count - PerColumn} more",
                        12,
                        Muted,
                        TextAnchor.Middle
                    )
                );
        }
        return new Diagram(Width, height, "Impact indicators by horizon", Describe(named), shapes)
        {
            Meta = Css("indicators-diagram"),
        };
    }

    private static GroupShape Card(ImpactIndicator item, double x, double y, double w)
    {
        var (fill, stroke) = IndicatorStatus.Colours(item.Status);
        var status = IndicatorStatus.Label(item.Status);
        var name = TextLayout.Clean(item.Indicator);
        var size = TextLayout.Width(name, 12, bold: true) <= w - 32 ? 12 : 10.5; // a smaller size before cutting it
        return new GroupShape(
            [
                new RectShape(x, y, w, CardH, fill, stroke, 1.5, 4),
                new TextShape(x + 14, y + 26, IndicatorStatus.Mark(item.Status), 15, stroke, TextAnchor.Middle, true),
                new TextShape(
                    x + 26,
                    y + 17,
                    TextLayout.Truncate(name, w - 32, size, bold: true),
                    size,
                    Ink,
                    Bold: true
                ),
                new TextShape(x + 26, y + 33, status, 11, Ink),
            ],
            new ShapeMeta(
                CssClass: "indicator",
                Label: $"{name}: {status.ToLowerInvariant()}",
                Data: new Dictionary<string, string>
                {
                    ["status"] = item.Status,
                    ["months"] = item.Horizon.ToString(CultureInfo.InvariantCulture),
                }
            )
        );
    }

    private static string Describe(List<ImpactIndicator> named)
    {
        if (named.Count == 0)
            return "No indicators chosen yet for 6, 12 or 24 months.";
        var parts = IndicatorHorizons.All.Select(h =>
        {
            var items = named.Where(i => i.Horizon == h).ToList();
            return items.Count == 0
                ? $"By {h} months: none."
                : $"By {h} months: "
                    + string.Join(
                        "; ",
                        items.Select(i =>
                            $"{TextLayout.Clean(i.Indicator)} ({IndicatorStatus.Label(i.Status).ToLowerInvariant()})"
                        )
                    )
                    + ".";
        });
        return $"{named.Count} indicator{(named.Count == 1 ? "" : "s")} by horizon. {string.Join(" ", parts)}";
    }
}
