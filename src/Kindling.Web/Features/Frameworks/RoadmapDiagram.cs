using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// Roadmap milestones on a horizontal timeline ordered by due date, up to <see cref="PerRow"/> per row (rows read top
/// to
/// bottom). Milestones without a valid date come last, drawn hollow on a dashed stretch and marked "No date".
/// </summary>
public static class RoadmapDiagram
{
    public const int PerRow = 4;
    private const double Margin = 16,
        Slot = 150,
        RowH = 150,
        LineY = 34;

    /// <summary>The due date when it is a valid yyyy-MM-dd date.</summary>
    public static DateOnly? DueOf(Milestone m) =>
        DateOnly.TryParseExact(
            TextLayout.Clean(m?.Due),
            "yyyy-MM-dd",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out var d
        )
            ? d
            : null;

    /// <summary>Milestones in timeline order with their original index: dated by date (ties keep input order), then
    /// undated.</summary>
    public static List<(Milestone Milestone, int Index, DateOnly? Due)> Ordered(IReadOnlyList<Milestone> milestones) =>
        (milestones ?? [])
            .Select((m, i) => (Milestone: m, Index: i, Due: DueOf(m)))
            .Where(x => x.Milestone is not null)
            .OrderBy(x => x.Due is null)
            .ThenBy(x => x.Due)
            .ThenBy(x => x.Index)
            .ToList();

    public static Diagram Build(IReadOnlyList<Milestone> milestones)
    {
        var ordered = Ordered(milestones);
        var perRow = Math.Min(PerRow, Math.Max(1, ordered.Count));
        var width = Math.Max(360, 2 * Margin + perRow * Slot);
        var rows = Math.Max(1, (ordered.Count + PerRow - 1) / PerRow);
        var shapes = new List<Shape>();
        var inv = CultureInfo.InvariantCulture;

        if (ordered.Count == 0)
        {
            shapes.Add(new LineShape(Margin, LineY, width - Margin, LineY, Line, 3, Dashed: true));
            shapes.Add(
                new TextShape(
                    width / 2,
                    LineY + 36,
                    "No milestones yet",
                    15,
                    Muted,
                    TextAnchor.Middle,
                    Meta: Css("empty-note")
                )
            );
        }
        for (var row = 0; row * PerRow < ordered.Count; row++)
        {
            var y = LineY + row * RowH;
            var inRow = ordered.Skip(row * PerRow).Take(PerRow).ToList();
            var x0 = Margin + Slot / 2;
            var xLastDated =
                x0 + (inRow.FindLastIndex(m => m.Due is not null) is var ld && ld >= 0 ? ld * Slot : -Slot / 2);
            var xEnd = x0 + (inRow.Count - 1) * Slot + (row < rows - 1 ? Slot / 2 : 0);
            var xStart = row > 0 ? Margin : x0;
            if (xLastDated > xStart)
                shapes.Add(new LineShape(xStart, y, xLastDated, y, Accent, 3));
            if (xEnd > Math.Max(xStart, xLastDated))
                shapes.Add(new LineShape(Math.Max(xStart, xLastDated), y, xEnd, y, Line, 3, Dashed: true));
            for (var i = 0; i < inRow.Count; i++)
                shapes.Add(Marker(inRow[i], x0 + i * Slot, y, row * PerRow + i, inv));
        }
        var height = ordered.Count == 0 ? LineY + 60 : LineY + (rows - 1) * RowH + 118;
        return new Diagram(width, height, "Roadmap timeline", Describe(ordered), shapes)
        {
            Meta = Css("roadmap-diagram"),
        };
    }

    private static GroupShape Marker(
        (Milestone Milestone, int Index, DateOnly? Due) item,
        double x,
        double y,
        int order,
        CultureInfo inv
    )
    {
        var (m, index, due) = item;
        var title = TextLayout.Clean(m.Title) is { Length: > 0 } t ? t : $"Milestone {index + 1}";
        var date = due?.ToString("d MMM yyyy", inv) ?? "No date";
        var children = new List<Shape>
        {
            due is null ? new CircleShape(x, y, 8, Paper, Line, 2.5) : new CircleShape(x, y, 8, Accent, Paper, 2),
            new TextShape(x, y + 30, date, 12, due is null ? Warm : Ink, TextAnchor.Middle, true),
        };
        var size = TextLayout.FitSize(title, Slot - 14, 13, 10);
        children.AddRange(
            TextLayout.Block(
                title,
                x,
                y + 50,
                Slot - 14,
                size,
                3,
                Ink,
                TextAnchor.Middle,
                lineHeight: Math.Round(size * 1.3, 1)
            )
        );
        var data = new Dictionary<string, string> { ["index"] = index.ToString(inv), ["order"] = order.ToString(inv) };
        if (due is not null)
            data["due"] = due.Value.ToString("yyyy-MM-dd", inv);
        return new GroupShape(
            children,
            new ShapeMeta(
                CssClass: due is null ? "milestone undated" : "milestone",
                Label: $"{title}: {(due is null ? "no date" : date)}",
                Data: data
            )
        );
    }

    private static string Describe(List<(Milestone Milestone, int Index, DateOnly? Due)> ordered)
    {
        if (ordered.Count == 0)
            return "An empty timeline: no milestones yet.";
        var items = ordered.Select(x =>
        {
            var title = TextLayout.Clean(x.Milestone.Title) is { Length: > 0 } t ? t : $"Milestone {x.Index + 1}";
            return x.Due is { } d
                ? $"{d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: {title}"
                : $"no date: {title}";
        });
        return $"{ordered.Count} milestone{(ordered.Count == 1 ? "" : "s")} in date order: {string.Join("; ", items)}.";
    }
}
