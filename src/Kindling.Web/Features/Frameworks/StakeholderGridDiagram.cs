using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// The power/interest grid: interest runs left to right, power bottom to top, each from <see
/// cref="StakeholderGrid.Min"/>
/// to <see cref="StakeholderGrid.Max"/>. Every value owns an equal cell and a point sits in its cell's centre, so the
/// quadrant lines fall exactly between 5 and 6. The root carries the plot geometry (data-plot-x/y/w/h, data-min/max,
/// data-high-from) and each point data-index/power/interest, so a script can drag points using <see cref="ToPlot"/> and
/// <see cref="FromPlot"/> mirrored in JavaScript.
/// </summary>
public static class StakeholderGridDiagram
{
    public const double Width = 460,
        Height = 486;
    public const double PlotX = 48,
        PlotY = 34,
        PlotW = 400,
        PlotH = 400;
    private const int Cells = StakeholderGrid.Max - StakeholderGrid.Min + 1;

    public static int Clamp(int value) => Math.Clamp(value, StakeholderGrid.Min, StakeholderGrid.Max);

    /// <summary>The centre of the cell for (power, interest), values clamped to the scale.</summary>
    public static (double X, double Y) ToPlot(int power, int interest) =>
        (
            PlotX + (Clamp(interest) - StakeholderGrid.Min + 0.5) / Cells * PlotW,
            PlotY + PlotH - (Clamp(power) - StakeholderGrid.Min + 0.5) / Cells * PlotH
        );

    /// <summary>The (power, interest) of the cell holding a point of the plot; points outside snap to the nearest
    /// edge.</summary>
    public static (int Power, int Interest) FromPlot(double x, double y) =>
        (
            Clamp((int)Math.Floor((PlotY + PlotH - y) / PlotH * Cells) + StakeholderGrid.Min),
            Clamp((int)Math.Floor((x - PlotX) / PlotW * Cells) + StakeholderGrid.Min)
        );

    public static string Slug(Quadrant q) =>
        q switch
        {
            Quadrant.ManageClosely => "manage-closely",
            Quadrant.KeepSatisfied => "keep-satisfied",
            Quadrant.InformRegularly => "inform-regularly",
            _ => "monitor",
        };

    public static Diagram Build(IReadOnlyList<Stakeholder> stakeholders)
    {
        var list = stakeholders ?? [];
        var shapes = new List<Shape>();
        Quadrants(shapes);
        Axes(shapes);
        if (list.Count == 0)
        {
            shapes.Add(new RectShape(PlotX + PlotW / 2 - 90, PlotY + PlotH / 2 - 16, 180, 30, Paper, Line, 1, 6));
            shapes.Add(
                new TextShape(
                    PlotX + PlotW / 2,
                    PlotY + PlotH / 2 + 5,
                    "No stakeholders yet",
                    15,
                    Muted,
                    TextAnchor.Middle,
                    Meta: Css("empty-note")
                )
            );
        }
        var seen = new Dictionary<(int, int), int>();
        for (var i = 0; i < list.Count; i++)
            shapes.Add(Point(list[i], i, seen));

        var inv = CultureInfo.InvariantCulture;
        var meta = new ShapeMeta(
            CssClass: "stakeholder-grid",
            Data: new Dictionary<string, string>
            {
                ["plot-x"] = SvgWriter.Num(PlotX),
                ["plot-y"] = SvgWriter.Num(PlotY),
                ["plot-w"] = SvgWriter.Num(PlotW),
                ["plot-h"] = SvgWriter.Num(PlotH),
                ["min"] = StakeholderGrid.Min.ToString(inv),
                ["max"] = StakeholderGrid.Max.ToString(inv),
                ["high-from"] = StakeholderGrid.HighFrom.ToString(inv),
            }
        );
        return new Diagram(Width, Height, "Stakeholder power and interest grid", Describe(list), shapes)
        {
            Meta = meta,
        };
    }

    private static void Quadrants(List<Shape> shapes)
    {
        double half = PlotW / 2,
            mid = PlotH / 2;
        (Quadrant Q, double X, double Y, string Fill)[] quadrants =
        [
            (Quadrant.KeepSatisfied, PlotX, PlotY, AccentSoft),
            (Quadrant.ManageClosely, PlotX + half, PlotY, WarmSoft),
            (Quadrant.Monitor, PlotX, PlotY + mid, Grey),
            (Quadrant.InformRegularly, PlotX + half, PlotY + mid, GreenSoft),
        ];
        foreach (var (q, x, y, fill) in quadrants)
        {
            var label = StakeholderGrid.Label(q);
            shapes.Add(
                new RectShape(
                    x,
                    y,
                    half,
                    mid,
                    fill,
                    Meta: new ShapeMeta(
                        CssClass: "quadrant",
                        Label: label,
                        Data: new Dictionary<string, string> { ["quadrant"] = Slug(q) }
                    )
                )
            );
            shapes.AddRange(
                TextLayout.Block(label, x + half / 2, y + 20, half - 16, 13, 2, Muted, TextAnchor.Middle, bold: true)
            );
        }
        shapes.Add(new RectShape(PlotX, PlotY, PlotW, PlotH, "none", Line, 1.5));
        shapes.Add(new LineShape(PlotX + half, PlotY, PlotX + half, PlotY + PlotH, Line, 1, Dashed: true));
        shapes.Add(new LineShape(PlotX, PlotY + mid, PlotX + PlotW, PlotY + mid, Line, 1, Dashed: true));
    }

    private static void Axes(List<Shape> shapes)
    {
        double bottom = PlotY + PlotH;
        // Power: arrow up the left side; interest: arrow along the bottom.
        shapes.Add(new LineShape(PlotX - 14, bottom, PlotX - 14, PlotY - 6, Ink, 1.5));
        shapes.Add(new PolygonShape([(PlotX - 19, PlotY), (PlotX - 14, PlotY - 10), (PlotX - 9, PlotY)], Ink));
        shapes.Add(new TextShape(PlotX - 24, PlotY - 14, "Power", 14, Ink, Bold: true));
        shapes.Add(new TextShape(PlotX - 20, PlotY + 14, "high", 11, Muted, TextAnchor.End));
        shapes.Add(new TextShape(PlotX - 20, bottom - 4, "low", 11, Muted, TextAnchor.End));
        shapes.Add(new LineShape(PlotX, bottom + 14, PlotX + PlotW + 6, bottom + 14, Ink, 1.5));
        shapes.Add(
            new PolygonShape(
                [(PlotX + PlotW, bottom + 9), (PlotX + PlotW + 10, bottom + 14), (PlotX + PlotW, bottom + 19)],
                Ink
            )
        );
        shapes.Add(new TextShape(PlotX + PlotW / 2, bottom + 44, "Interest", 14, Ink, TextAnchor.Middle, Bold: true));
        shapes.Add(new TextShape(PlotX, bottom + 30, "low", 11, Muted));
        shapes.Add(new TextShape(PlotX + PlotW, bottom + 30, "high", 11, Muted, TextAnchor.End));
    }

    private static Shape Point(Stakeholder s, int index, Dictionary<(int, int), int> seen)
    {
        int power = Clamp(s.Power),
            interest = Clamp(s.Interest);
        var (x, y) = ToPlot(power, interest);
        var k = seen.TryGetValue((power, interest), out var n) ? n : 0;
        seen[(power, interest)] = k + 1;
        if (k > 0) // spread points that share a cell around its centre, staying inside the cell
        {
            if (k <= 2)
                y += k == 1 ? 15 : -15; // one below, one above: names stay apart
            else
            {
                var angle = (k - 3) * Math.PI / 3;
                x += 12 * Math.Cos(angle);
                y -= 12 * Math.Sin(angle);
            }
        }
        var name = TextLayout.Clean(s.Name) is { Length: > 0 } nm ? nm : $"Stakeholder {index + 1}";
        var quadrant = StakeholderGrid.Label(StakeholderGrid.QuadrantOf(power, interest));
        var right = x < PlotX + PlotW - 120;
        var inv = CultureInfo.InvariantCulture;
        var label = TextLayout.Truncate(name, 104, 12, bold: true);
        var labelW = TextLayout.Width(label, 12, bold: true);
        return new GroupShape(
            [
                // A pale backing keeps the name readable over quadrant titles and the centre lines.
                new RectShape(right ? x + 10 : x - 16 - labelW, y - 9, labelW + 6, 17, Paper, Radius: 3, Opacity: 0.85),
                new CircleShape(x, y, 9, Accent, Paper, 2),
                new TextShape(x, y + 4, (index + 1).ToString(inv), 10, Paper, TextAnchor.Middle, Bold: true),
                new TextShape(
                    right ? x + 13 : x - 13,
                    y + 4,
                    label,
                    12,
                    Ink,
                    right ? TextAnchor.Start : TextAnchor.End,
                    Bold: true
                ),
            ],
            new ShapeMeta(
                CssClass: "stakeholder-point",
                Label: $"{name}: power {power}, interest {interest} ({quadrant})",
                Data: new Dictionary<string, string>
                {
                    ["index"] = index.ToString(inv),
                    ["power"] = power.ToString(inv),
                    ["interest"] = interest.ToString(inv),
                    ["quadrant"] = Slug(StakeholderGrid.QuadrantOf(power, interest)),
                }
            )
        );
    }

    private static string Describe(IReadOnlyList<Stakeholder> list)
    {
        const string axes =
            "Power runs from low at the bottom to high at the top, interest from low on the left to high on the right.";
        if (list.Count == 0)
            return "An empty power and interest grid: no stakeholders yet. " + axes;
        var items = list.Select(
            (s, i) =>
            {
                int p = Clamp(s.Power),
                    n = Clamp(s.Interest);
                var name = TextLayout.Clean(s.Name) is { Length: > 0 } nm ? nm : $"Stakeholder {i + 1}";
                return $"{i + 1}. {name}: power {p}, interest {n}, "
                    + $"{StakeholderGrid.Label(StakeholderGrid.QuadrantOf(p, n)).ToLowerInvariant()}";
            }
        );
        return $"{list.Count} stakeholder{(list.Count == 1 ? "" : "s")} on a power and interest grid. {axes} "
            + string.Join("; ", items)
            + ".";
    }
}
