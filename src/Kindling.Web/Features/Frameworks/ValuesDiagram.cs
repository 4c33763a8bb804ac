using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>The chosen core values (up to three) as circles side by side; the defined one is filled and its definition
/// shown below.</summary>
public static class ValuesDiagram
{
    public const double Width = 420;
    private const double R = 62,
        CircleY = 82;

    public static Diagram Build(CoreValues values)
    {
        var chosen = (values?.Chosen ?? [])
            .Select(TextLayout.Clean)
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .ToList();
        var defined = TextLayout.Clean(values?.Defined);
        var definedIndex = chosen.FindIndex(v => string.Equals(v, defined, StringComparison.OrdinalIgnoreCase));
        var definition = TextLayout.Clean(values?.Definition);
        var shapes = new List<Shape>();
        var inv = CultureInfo.InvariantCulture;

        if (chosen.Count == 0)
            shapes.Add(
                new TextShape(
                    Width / 2,
                    CircleY + 5,
                    "No values chosen yet",
                    15,
                    Muted,
                    TextAnchor.Middle,
                    Meta: Css("empty-note")
                )
            );
        for (var i = 0; i < chosen.Count; i++)
        {
            var cx = Width / 2 + (i - (chosen.Count - 1) / 2.0) * (2 * R + 12);
            var isDefined = i == definedIndex;
            // A long word ("Accountability") gets a smaller font rather than being split across lines.
            var size = TextLayout.FitSize(chosen[i], 2 * R - 22, 15, 11, bold: true);
            var lines = TextLayout.Wrap(chosen[i], 2 * R - 22, size, 3, bold: true);
            var step = Math.Round(size * 1.27, 1);
            var firstY = CircleY + size / 3 - (lines.Count - 1) * step / 2;
            var group = new List<Shape>
            {
                new CircleShape(cx, CircleY, R, isDefined ? Accent : AccentSoft, Accent, isDefined ? 3 : 1.5),
            };
            group.AddRange(
                lines.Select(
                    (l, k) =>
                        (Shape)
                            new TextShape(
                                cx,
                                firstY + k * step,
                                l,
                                size,
                                isDefined ? Paper : Ink,
                                TextAnchor.Middle,
                                true
                            )
                )
            );
            shapes.Add(
                new GroupShape(
                    group,
                    new ShapeMeta(
                        CssClass: isDefined ? "core-value defined" : "core-value",
                        Label: isDefined ? $"{chosen[i]} (defined)" : chosen[i],
                        Data: new Dictionary<string, string> { ["index"] = i.ToString(inv) }
                    )
                )
            );
        }

        var y = CircleY + R + 28;
        if (definedIndex >= 0)
        {
            shapes.Add(
                new TextShape(
                    12,
                    y,
                    TextLayout.Truncate($"{chosen[definedIndex]} means:", Width - 24, 14, true),
                    14,
                    Ink,
                    Bold: true
                )
            );
            var body = TextLayout.Block(
                definition.Length > 0 ? definition : "Not defined yet",
                12,
                y + 20,
                Width - 24,
                13,
                4,
                definition.Length > 0 ? Ink : Muted,
                lineHeight: 17
            );
            shapes.AddRange(body);
            y += 20 + body.Count * 17;
        }
        var description =
            chosen.Count == 0
                ? "No core values chosen yet."
                : $"Core values: {string.Join(", ", chosen)}."
                    + (
                        definedIndex >= 0
                            ? $" {chosen[definedIndex]} is defined: "
                                + $"{(definition.Length > 0 ? definition : "no definition yet")}."
                            : ""
                    );
        return new Diagram(Width, y, "Core values", description, shapes) { Meta = Css("values-diagram") };
    }
}
