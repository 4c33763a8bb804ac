using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>The definition of success at 6, 12 and 24 months as three rising steps, each holding its text (cut with an
/// ellipsis when long).</summary>
public static class SuccessDiagram
{
    public const double Width = 480,
        Height = 340;
    private const double Margin = 12,
        Gap = 6,
        Floor = Height - Margin;
    private static readonly double StepW = (Width - 2 * Margin - 2 * Gap) / 3;
    private static readonly double[] StepH = [200, 250, 300];
    private static readonly string[] Fills = [GreenSoft, AccentSoft, WarmSoft];
    private static readonly string[] Strokes = [Green, Accent, Warm];

    public static Diagram Build(SuccessDefinition success)
    {
        (string Heading, string Key, string Text)[] steps =
        [
            ("In 6 months", "6", TextLayout.Clean(success?.SixMonths)),
            ("In 12 months", "12", TextLayout.Clean(success?.TwelveMonths)),
            ("In 24 months", "24", TextLayout.Clean(success?.TwentyFourMonths)),
        ];
        var shapes = new List<Shape>();
        for (var i = 0; i < steps.Length; i++)
        {
            var (heading, key, text) = steps[i];
            double x = Margin + i * (StepW + Gap),
                top = Floor - StepH[i];
            var maxLines = (int)((StepH[i] - 46) / 16);
            var group = new List<Shape>
            {
                new RectShape(x, top, StepW, StepH[i], Fills[i], Strokes[i], 1.5, 6),
                new TextShape(x + 10, top + 24, heading, 14, Ink, Bold: true),
            };
            group.AddRange(
                text.Length > 0
                    ? TextLayout.Block(text, x + 10, top + 46, StepW - 20, 12, maxLines, Ink, lineHeight: 16)
                    : [new TextShape(x + 10, top + 46, "Not defined yet", 12, Muted)]
            );
            shapes.Add(
                new GroupShape(
                    group,
                    new ShapeMeta(
                        CssClass: "success-step",
                        Label: text.Length > 0 ? $"{heading}: {text}" : heading,
                        Data: new Dictionary<string, string>
                        {
                            ["months"] = key,
                            ["index"] = i.ToString(CultureInfo.InvariantCulture),
                        }
                    )
                )
            );
        }
        var description =
            "Success as three rising steps. "
            + string.Join(
                " ",
                steps.Select(s =>
                    $"{s.Heading}: "
                    + $"{(s.Text.Length > 0 ? s.Text : "not defined yet")}{(s.Text.EndsWith('.') ? "" : ".")}"
                )
            );
        return new Diagram(Width, Height, "Definition of success", description, shapes)
        {
            Meta = Css("success-diagram"),
        };
    }
}
