using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// Open practices by state: a bar of how many are in place, partly there and not yet, then one band per state (in
/// place first) listing its practices, each with a marker whose shape also tells the state (a tick, half filled,
/// hollow) and its next step. Every state is named in text, so colour is never the only carrier.
/// </summary>
public static class PracticesDiagram
{
    public const double Width = 440;
    private const double Margin = 12,
        BarY = 12,
        BarH = 26,
        Indent = 40,
        NameSize = 13,
        NoteSize = 12,
        LineH = 17;
    private const double Inner = Width - 2 * Margin;

    /// <summary>The bands in drawing order, with their colours.</summary>
    private static readonly (string State, string Fill, string Stroke)[] Bands =
    [
        (PracticeStates.InPlace, GreenSoft, Green),
        (PracticeStates.Partly, WarmSoft, Warm),
        (PracticeStates.NotYet, Grey, Line),
    ];

    public static Diagram Build(IReadOnlyList<PracticeRow> practices)
    {
        var list = (practices ?? []).Where(p => p is not null).ToList();
        var shapes = new List<Shape>();
        double y;
        if (list.Count == 0)
        {
            shapes.Add(new RectShape(Margin, BarY, Inner, BarH, Paper, Line, 1, 4));
            shapes.Add(
                new TextShape(
                    Width / 2,
                    BarY + 18,
                    "No practices yet",
                    14,
                    Muted,
                    TextAnchor.Middle,
                    Meta: Css("empty-note")
                )
            );
            y = BarY + BarH + 16;
        }
        else
            y = Summary(shapes, list);
        foreach (var (state, fill, stroke) in Bands)
            y = Band(shapes, list, state, fill, stroke, y) + 10;
        return new Diagram(Width, y, "Open practices by state", Describe(list), shapes)
        {
            Meta = Css("practices-diagram"),
        };
    }

    private static int Count(List<PracticeRow> list, string state) => list.Count(p => PracticeStates.Of(p) == state);

    /// <summary>The bar of counts and its line of text; returns where the bands start.</summary>
    private static double Summary(List<Shape> shapes, List<PracticeRow> list)
    {
        var x = Margin;
        foreach (var (state, fill, stroke) in Bands)
        {
            var n = Count(list, state);
            if (n == 0)
                continue;
            var w = Inner * n / list.Count;
            shapes.Add(new RectShape(x, BarY, w, BarH, fill, stroke, 1.5));
            var count = n.ToString(CultureInfo.InvariantCulture);
            if (TextLayout.Width(count, 13, bold: true) + 8 <= w)
                shapes.Add(new TextShape(x + w / 2, BarY + 18, count, 13, Ink, TextAnchor.Middle, true));
            x += w;
        }
        var text = string.Join(" · ", Bands.Select(b => $"{PracticeStates.Label(b.State)}: {Count(list, b.State)}"));
        shapes.Add(new TextShape(Margin, BarY + BarH + 20, text, 13, Ink, Meta: Css("practices-summary")));
        return BarY + BarH + 34;
    }

    /// <summary>One state's band with its practices; returns its bottom.</summary>
    private static double Band(
        List<Shape> shapes,
        List<PracticeRow> list,
        string state,
        string fill,
        string stroke,
        double top
    )
    {
        var inBand = list.Where(p => PracticeStates.Of(p) == state).ToList();
        var label = PracticeStates.Label(state);
        var items = new List<Shape>();
        var y = top + 30;
        if (inBand.Count == 0)
        {
            items.Add(new TextShape(Margin + Indent, y + 13, "None yet", NoteSize, Muted));
            y += 24;
        }
        foreach (var p in inBand)
        {
            var name = TextLayout.Clean(p.Practice) is { Length: > 0 } n ? n : "A practice";
            var next = TextLayout.Clean(p.Next);
            var lines = TextLayout.Block(
                name,
                Margin + Indent,
                y + 13,
                Inner - Indent - 10,
                NameSize,
                2,
                Ink,
                lineHeight: LineH
            );
            var group = new List<Shape>(Marker(state, Margin + 20, y + 8, stroke));
            group.AddRange(lines);
            var bottom = y + lines.Count * LineH;
            if (next.Length > 0)
            {
                var note = TextLayout.Truncate("Next: " + next, Inner - Indent - 10, NoteSize);
                group.Add(new TextShape(Margin + Indent, bottom + 12, note, NoteSize, Muted));
                bottom += 16;
            }
            items.Add(
                new GroupShape(
                    group,
                    new ShapeMeta(
                        CssClass: "practice",
                        Label: $"{name}: {label.ToLowerInvariant()}" + (next.Length > 0 ? $"; next: {next}" : ""),
                        Data: new Dictionary<string, string> { ["state"] = state }
                    )
                )
            );
            y = bottom + 8;
        }
        shapes.Add(
            new RectShape(
                Margin,
                top,
                Inner,
                y - top,
                fill,
                stroke,
                1.5,
                6,
                Meta: new ShapeMeta(
                    CssClass: "practice-band",
                    Data: new Dictionary<string, string> { ["state"] = state }
                )
            )
        );
        shapes.Add(new TextShape(Margin + 12, top + 20, $"{label} ({inBand.Count})", 14, Ink, Bold: true));
        shapes.AddRange(items);
        return y;
    }

    /// <summary>A marker whose shape tells the state: a tick in a filled circle, a half-filled circle, a hollow
    /// one.</summary>
    private static List<Shape> Marker(string state, double x, double y, string stroke)
    {
        const double r = 8;
        return state switch
        {
            PracticeStates.InPlace =>
            [
                new CircleShape(x, y, r, stroke, stroke, 1.5),
                new TextShape(x, y + 4, "✓", 11, Paper, TextAnchor.Middle, true),
            ],
            PracticeStates.Partly =>
            [
                new CircleShape(x, y, r, Paper, stroke, 1.5),
                new PolygonShape(HalfDisc(x, y, r), stroke),
            ],
            _ => [new CircleShape(x, y, r, Paper, stroke, 2)],
        };
    }

    /// <summary>The left half of a disc, as a polygon.</summary>
    private static List<(double X, double Y)> HalfDisc(double x, double y, double r)
    {
        var points = new List<(double, double)>();
        for (var i = 0; i <= 12; i++)
        {
            var a = Math.PI / 2 + i * Math.PI / 12;
            points.Add((x + r * Math.Cos(a), y - r * Math.Sin(a)));
        }
        return points;
    }

    private static string Describe(List<PracticeRow> list)
    {
        if (list.Count == 0)
            return "No practices yet: in place, partly and not yet are all empty.";
        var parts = Bands.Select(b =>
        {
            var names = list.Where(p => PracticeStates.Of(p) == b.State)
                .Select(p => TextLayout.Clean(p.Practice) is { Length: > 0 } n ? n : "a practice")
                .ToList();
            return $"{PracticeStates.Label(b.State)} ({names.Count}): "
                + (names.Count == 0 ? "none" : string.Join(", ", names))
                + ".";
        });
        return $"{list.Count} practice{(list.Count == 1 ? "" : "s")} by state. {string.Join(" ", parts)}";
    }
}
