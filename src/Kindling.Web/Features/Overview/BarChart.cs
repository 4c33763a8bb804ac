using System.Globalization;
using Kindling.Web.Features.Frameworks;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Overview;

/// <summary>One bar: a short label under it ("S3"), the full name for the description and tooltip, and its value
/// (null: nothing to show, e.g. no rating yet) as a number and as words.</summary>
public sealed record ChartBar(string Label, string Name, double? Value, string ValueText);

/// <summary>
/// A simple bar chart as a <see cref="Diagram"/>, written by <see cref="SvgWriter"/>: one bar per item on a scale from
/// 0 to <c>max</c> with three grid lines, the value above each bar and the short label below it. The description
/// lists every bar's name and value in words, so the picture says nothing its text alternative does not.
/// </summary>
public static class BarChart
{
    private const double Left = 44,
        Right = 12,
        Top = 30,
        PlotHeight = 150,
        Bottom = 30,
        Slot = 54,
        BarWidth = 32;

    public static Diagram Build(string title, string intro, IReadOnlyList<ChartBar> bars, double max)
    {
        var width = Math.Max(300, Left + Right + Slot * bars.Count);
        var height = Top + PlotHeight + Bottom;
        var scale = max > 0 ? max : 1;
        var floor = Top + PlotHeight;
        var shapes = new List<Shape>();
        foreach (var step in new[] { 0.0, 0.5, 1.0 })
        {
            var y = floor - PlotHeight * step;
            shapes.Add(new LineShape(Left, y, width - Right, y, step == 0 ? Line : Grey, step == 0 ? 1.5 : 1));
            shapes.Add(new TextShape(Left - 6, y + 4, Number(scale * step), 11, Muted, TextAnchor.End));
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = Left + i * Slot + (Slot - BarWidth) / 2;
            var middle = x + BarWidth / 2;
            var meta = Css(
                "bar",
                $"{bar.Name}: {bar.ValueText}",
                new Dictionary<string, string> { ["index"] = i.ToString(CultureInfo.InvariantCulture) }
            );
            if (bar.Value is { } value && double.IsFinite(value))
            {
                var h = PlotHeight * Math.Clamp(value / scale, 0, 1);
                shapes.Add(new RectShape(x, floor - h, BarWidth, h, Accent, Meta: meta));
                shapes.Add(new TextShape(middle, floor - h - 5, Number(value), 11, Ink, TextAnchor.Middle));
            }
            else
                shapes.Add(new TextShape(middle, floor - 5, "–", 12, Muted, TextAnchor.Middle, Meta: meta));
            shapes.Add(
                new TextShape(
                    middle,
                    floor + 17,
                    TextLayout.Truncate(bar.Label, Slot - 4, 11),
                    11,
                    Ink,
                    TextAnchor.Middle
                )
            );
        }
        if (bars.Count == 0)
            shapes.Add(
                new TextShape(width / 2, floor - PlotHeight / 2, "Nothing to show yet", 12, Muted, TextAnchor.Middle)
            );
        var description =
            bars.Count == 0
                ? $"{intro} Nothing to show yet."
                : $"{intro} " + string.Join(" ", bars.Select(b => $"{b.Name}: {b.ValueText}."));
        return new Diagram(width, height, title, description, shapes) { Meta = Css("chart") };
    }

    /// <summary>Whole numbers as they are, others with one decimal.</summary>
    public static string Number(double value) =>
        Math.Abs(value - Math.Round(value)) < 0.05
            ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : OverviewText.OneDecimal(value);
}
