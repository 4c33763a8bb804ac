using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// Engagement channels, narrow enough to read on a phone: the asynchronous places above, the primary place in the
/// centre
/// and the synchronous places below, each joined to the centre.
/// </summary>
public static class ChannelsDiagram
{
    public const double Width = 360;
    private const double Margin = 12,
        Gap = 12,
        CardH = 58,
        HeadH = 26;
    private const double CardW = (Width - 2 * Margin - Gap) / 2;

    public static Diagram Build(ChannelMap channels)
    {
        var primary = Clean(channels?.Primary);
        var asyncs = Clean(channels?.Asynchronous);
        var syncs = Clean(channels?.Synchronous);
        var shapes = new List<Shape>();
        var joins = new List<(double X, double Y)>();

        var y = Margin;
        y = Section(shapes, "Asynchronous", "async", asyncs, y, Green, GreenSoft, joins, below: true);
        var centreTop = y + 16;
        var centreH = 42 + Math.Max(1, primary.Count) * 40.0;
        var centre = new List<Shape>
        {
            new RectShape(
                Margin,
                centreTop,
                Width - 2 * Margin,
                centreH,
                Accent,
                Radius: 12,
                Meta: Css("channel-primary")
            ),
            new TextShape(Width / 2, centreTop + 24, "Primary", 15, Paper, TextAnchor.Middle, Bold: true),
        };
        if (primary.Count == 0)
            centre.Add(new TextShape(Width / 2, centreTop + 58, "Not chosen yet", 13, Paper, TextAnchor.Middle));
        for (var i = 0; i < primary.Count; i++)
        {
            var ty = centreTop + 52 + i * 40;
            centre.Add(
                new TextShape(
                    Width / 2,
                    ty,
                    TextLayout.Truncate(primary[i].Name, Width - 48, 14, true),
                    14,
                    Paper,
                    TextAnchor.Middle,
                    true,
                    Css("channel-name", Label(primary[i]))
                )
            );
            centre.Add(
                new TextShape(
                    Width / 2,
                    ty + 17,
                    TextLayout.Truncate(primary[i].Purpose, Width - 48, 12),
                    12,
                    Paper,
                    TextAnchor.Middle
                )
            );
        }
        var centreBottom = centreTop + centreH;
        y = Section(shapes, "Synchronous", "sync", syncs, centreBottom + 16, Warm, WarmSoft, joins, below: false);

        // Lines from each card to the centre, drawn first so cards sit on top.
        var lines = joins
            .Select(j => (Shape)new LineShape(j.X, j.Y, j.X, j.Y < centreTop ? centreTop : centreBottom, Line, 1.5))
            .ToList();
        var all = lines.Concat(centre).Concat(shapes).ToList();
        return new Diagram(Width, y + Margin, "Engagement channels", Describe(primary, asyncs, syncs), all)
        {
            Meta = Css("channels-diagram"),
        };
    }

    private static double Section(
        List<Shape> shapes,
        string title,
        string kind,
        IReadOnlyList<Channel> list,
        double top,
        string stroke,
        string fill,
        List<(double, double)> joins,
        bool below
    )
    {
        shapes.Add(new TextShape(Margin, top + 16, title, 14, Ink, Bold: true));
        var y = top + HeadH;
        if (list.Count == 0)
        {
            shapes.Add(
                new RectShape(
                    Margin,
                    y,
                    Width - 2 * Margin,
                    34,
                    Paper,
                    Line,
                    1,
                    8,
                    Meta: Css($"channel-card channel-{kind} empty")
                )
            );
            shapes.Add(new TextShape(Width / 2, y + 22, "None yet", 13, Muted, TextAnchor.Middle));
            joins.Add((Width / 2, below ? y + 34 : y));
            return y + 34;
        }
        for (var i = 0; i < list.Count; i++)
        {
            double x = Margin + (i % 2) * (CardW + Gap),
                cy = y + (i / 2) * (CardH + Gap);
            var c = list[i];
            var group = new List<Shape> { new RectShape(x, cy, CardW, CardH, fill, stroke, 1.5, 8) };
            group.Add(
                new TextShape(x + 10, cy + 21, TextLayout.Truncate(c.Name, CardW - 20, 14, true), 14, Ink, Bold: true)
            );
            group.AddRange(TextLayout.Block(c.Purpose, x + 10, cy + 38, CardW - 20, 11, 2, Muted, lineHeight: 13));
            shapes.Add(new GroupShape(group, Css($"channel-card channel-{kind}", Label(c))));
            var isEdgeRow = below ? i / 2 == (list.Count - 1) / 2 : i / 2 == 0;
            if (isEdgeRow)
                joins.Add((x + CardW / 2, below ? cy + CardH : cy));
        }
        return y + ((list.Count + 1) / 2) * (CardH + Gap) - Gap;
    }

    private static string Label(Channel c) =>
        TextLayout.Clean(c.Purpose) is { Length: > 0 } p
            ? $"{TextLayout.Clean(c.Name)}: {p}"
            : TextLayout.Clean(c.Name);

    private static List<Channel> Clean(IReadOnlyList<Channel>? list) =>
        (list ?? []).Where(c => c is not null && TextLayout.Clean(c.Name).Length > 0).ToList();

    private static string Describe(List<Channel> primary, List<Channel> asyncs, List<Channel> syncs)
    {
        static string Names(List<Channel> l) => l.Count == 0 ? "none yet" : string.Join("; ", l.Select(Label));
        return $"Primary: {Names(primary)}. Asynchronous: {Names(asyncs)}. Synchronous: {Names(syncs)}.";
    }
}
