using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// The Community Skills Framework self-assessment as a radar: one axis per <see cref="SkillAreas.All"/> (clockwise from
/// the top), rings 0..<see cref="SkillAreas.Max"/>, a polygon for the project team and one for the community. Areas
/// without a rating count as 0; ratings are clamped to the scale.
/// </summary>
public static class SkillsWheelDiagram
{
    public const double Width = 440,
        Height = 400,
        Cx = 220,
        Cy = 180,
        Radius = 130;

    /// <summary>Where <paramref name="value"/> falls on axis <paramref name="axis"/> (0 = the top,
    /// clockwise).</summary>
    public static (double X, double Y) PointOn(int axis, double value)
    {
        var angle = 2 * Math.PI * axis / SkillAreas.All.Count;
        var r = Radius * Math.Clamp(value, 0, SkillAreas.Max) / SkillAreas.Max;
        return (Cx + r * Math.Sin(angle), Cy - r * Math.Cos(angle));
    }

    public static Diagram Build(IReadOnlyList<SkillRating> ratings)
    {
        var areas = SkillAreas.All;
        var byArea = (ratings ?? [])
            .Where(r => r is not null && r.Area is not null)
            .GroupBy(r => r.Area.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var team = areas
            .Select(a => byArea.TryGetValue(a, out var r) ? Math.Clamp(r.Team, 0, SkillAreas.Max) : 0)
            .ToList();
        var community = areas
            .Select(a => byArea.TryGetValue(a, out var r) ? Math.Clamp(r.Community, 0, SkillAreas.Max) : 0)
            .ToList();

        var shapes = new List<Shape>();
        for (var ring = 1; ring <= SkillAreas.Max; ring++)
        {
            var pts = Enumerable.Range(0, areas.Count).Select(a => PointOn(a, ring)).ToList();
            shapes.Add(
                new PolygonShape(
                    pts,
                    ring == SkillAreas.Max ? Sand : null,
                    Line,
                    ring == SkillAreas.Max ? 1.5 : 0.75,
                    Meta: Css("ring")
                )
            );
        }
        for (var a = 0; a < areas.Count; a++)
        {
            var (x, y) = PointOn(a, SkillAreas.Max);
            shapes.Add(new LineShape(Cx, Cy, x, y, Line, 0.75));
            var (lx, ly) = PointOn(a, SkillAreas.Max * 1.12);
            var anchor =
                Math.Abs(lx - Cx) < 8 ? TextAnchor.Middle
                : lx < Cx ? TextAnchor.End
                : TextAnchor.Start;
            shapes.Add(
                new TextShape(
                    lx,
                    ly + (ly > Cy ? 14 : 0),
                    areas[a],
                    13,
                    Ink,
                    anchor,
                    true,
                    Css("axis-label", $"{areas[a]}: team {team[a]}, community {community[a]}")
                )
            );
        }
        for (var ring = 1; ring <= SkillAreas.Max; ring++)
            shapes.Add(
                new TextShape(Cx + 4, PointOn(0, ring).Y + 11, ring.ToString(CultureInfo.InvariantCulture), 9, Muted)
            );

        shapes.Add(Series("team", "Project team", team, Accent));
        shapes.Add(Series("community", "Community", community, Warm));
        Legend(shapes);
        return new Diagram(Width, Height, "Community skills self-assessment", Describe(team, community), shapes)
        {
            Meta = Css("skills-wheel"),
        };
    }

    private static GroupShape Series(string key, string name, List<int> values, string colour)
    {
        var inv = CultureInfo.InvariantCulture;
        var pts = values.Select((v, a) => PointOn(a, v)).ToList();
        var children = new List<Shape> { new PolygonShape(pts, colour, colour, 2, Opacity: 0.35) };
        children.Add(new PolygonShape(pts, null, colour, 2));
        for (var a = 0; a < pts.Count; a++)
            children.Add(
                new CircleShape(
                    pts[a].X,
                    pts[a].Y,
                    4,
                    colour,
                    Meta: new ShapeMeta(
                        CssClass: "skill-point",
                        Label: $"{name}, {SkillAreas.All[a]}: {values[a]} of {SkillAreas.Max}",
                        Data: new Dictionary<string, string>
                        {
                            ["series"] = key,
                            ["area"] = SkillAreas.All[a],
                            ["value"] = values[a].ToString(inv),
                        }
                    )
                )
            );
        return new GroupShape(
            children,
            new ShapeMeta(
                CssClass: $"skill-series skill-{key}",
                Label: name,
                Data: new Dictionary<string, string> { ["series"] = key }
            )
        );
    }

    private static void Legend(List<Shape> shapes)
    {
        const double y = Height - 24;
        shapes.Add(new RectShape(Cx - 150, y - 12, 16, 16, Accent, Accent, Opacity: 0.6));
        shapes.Add(new TextShape(Cx - 128, y + 1, "Project team", 13, Ink));
        shapes.Add(new RectShape(Cx + 30, y - 12, 16, 16, Warm, Warm, Opacity: 0.6));
        shapes.Add(new TextShape(Cx + 52, y + 1, "Community", 13, Ink));
    }

    private static string Describe(List<int> team, List<int> community) =>
        $"Skills rated from 0 to {SkillAreas.Max} for the project team and for the community: "
        + string.Join("; ", SkillAreas.All.Select((a, i) => $"{a}: team {team[i]}, community {community[i]}"))
        + ".";
}
