using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// The mountain of engagement: one band per level, the first level at the foot and the last at the summit, each with
/// its name and a short "who is here". The summit is kept wide enough to hold a label.
/// </summary>
public static class MountainDiagram
{
    public const double Width = 480;
    private const double Margin = 12,
        Top = 30,
        BaseHalf = Width / 2 - Margin,
        SummitHalf = 80;
    private static readonly string[] Bands =
    [
        "#cfe6c4",
        "#b7d9a8",
        "#a4c98f",
        "#c7c2a4",
        "#d9d4c4",
        "#e6e3dc",
        "#f2f1ee",
    ];

    public static Diagram Build(IReadOnlyList<MountainLevel> levels)
    {
        var list = (levels ?? []).Where(l => l is not null).ToList();
        var count = Math.Max(1, list.Count);
        var bandH = list.Count > 6 ? 52.0 : 64.0;
        var height = Top + count * bandH + Margin;
        var foot = height - Margin;
        var shapes = new List<Shape>
        {
            // A small flag on the summit.
            new LineShape(Width / 2, Top, Width / 2, Top - 24, Ink, 2),
            new PolygonShape([(Width / 2, Top - 24), (Width / 2 + 18, Top - 19), (Width / 2, Top - 14)], Warm),
        };
        if (list.Count == 0)
        {
            shapes.Add(new PolygonShape(Band(foot, Top, foot), Bands[0], Line));
            shapes.Add(
                new TextShape(
                    Width / 2,
                    (Top + foot) / 2 + 5,
                    "No levels yet",
                    15,
                    Muted,
                    TextAnchor.Middle,
                    Meta: Css("empty-note")
                )
            );
        }
        var inv = CultureInfo.InvariantCulture;
        for (var i = 0; i < list.Count; i++)
        {
            var level = list[i];
            double bottom = foot - i * bandH,
                top = bottom - bandH;
            var name = TextLayout.Clean(level.Name) is { Length: > 0 } n ? n : $"Level {i + 1}";
            var who = TextLayout.Clean(level.Who);
            var hasWho = who.Length > 0;
            var nameY = hasWho ? top + bandH / 2 - 2 : top + bandH / 2 + 6;
            var group = new List<Shape>
            {
                new PolygonShape(
                    Band(bottom, top, foot),
                    Bands[Math.Min(i * (Bands.Length - 1) / Math.Max(1, list.Count - 1), Bands.Length - 1)],
                    Line
                ),
                new TextShape(
                    Width / 2,
                    nameY,
                    TextLayout.Truncate($"{i + 1}. {name}", Room(nameY - 13, foot), 15, true),
                    15,
                    Ink,
                    TextAnchor.Middle,
                    true
                ),
            };
            if (hasWho)
                group.Add(
                    new TextShape(
                        Width / 2,
                        nameY + 18,
                        TextLayout.Truncate(who, Room(nameY + 8, foot), 12),
                        12,
                        Muted,
                        TextAnchor.Middle
                    )
                );
            shapes.Add(
                new GroupShape(
                    group,
                    new ShapeMeta(
                        CssClass: "mountain-level",
                        Label: hasWho ? $"{name}: {who}" : name,
                        Data: new Dictionary<string, string> { ["index"] = i.ToString(inv) }
                    )
                )
            );
        }
        return new Diagram(Width, height, "Mountain of engagement", Describe(list), shapes)
        {
            Meta = Css("mountain-diagram"),
        };
    }

    /// <summary>Half the mountain's width at height <paramref name="y"/>: from the base at the foot to the summit at
    /// the top.</summary>
    private static double HalfAt(double y, double top, double foot) =>
        SummitHalf + (BaseHalf - SummitHalf) * (y - top) / Math.Max(1, foot - top);

    /// <summary>The width free for a line of text whose top is at <paramref name="y"/>, inside the slopes.</summary>
    private static double Room(double y, double foot) => 2 * (HalfAt(y, Top, foot) - 12);

    private static List<(double X, double Y)> Band(double bottom, double top, double foot)
    {
        double hb = HalfAt(bottom, Top, foot),
            ht = HalfAt(top, Top, foot),
            c = Width / 2;
        return [(c - hb, bottom), (c - ht, top), (c + ht, top), (c + hb, bottom)];
    }

    private static string Describe(List<MountainLevel> list)
    {
        if (list.Count == 0)
            return "A mountain of engagement with no levels yet.";
        var items = list.Select(
            (l, i) =>
            {
                var name = TextLayout.Clean(l.Name) is { Length: > 0 } n ? n : $"Level {i + 1}";
                return TextLayout.Clean(l.Who) is { Length: > 0 } who ? $"{i + 1}. {name} ({who})" : $"{i + 1}. {name}";
            }
        );
        return $"{list.Count} levels of engagement from the foot of the mountain to the summit: "
            + $"{string.Join("; ", items)}.";
    }
}
