using System.Globalization;
using static Kindling.Web.Features.Frameworks.DiagramStyle;

namespace Kindling.Web.Features.Frameworks;

/// <summary>
/// An event's checklist as a timeline read from top to bottom (so it stays readable on a phone): three labelled bands,
/// Before, During and After, each task a point on the time line with its "when" to the left and its task and owner to
/// the right. A done task has a tick in its point and says "✓ done" in words; a task still to do is hollow and says
/// "to do".
/// </summary>
public static class EventTimelineDiagram
{
    public const double Width = 440;
    private const double Margin = 12,
        AxisX = 118,
        WhenRight = AxisX - 14,
        WhenW = WhenRight - Margin - 6,
        TextX = AxisX + 18,
        TextW = Width - Margin - 8 - TextX,
        LineH = 17;

    private static readonly Dictionary<string, (string Fill, string Stroke)> Colours = new()
    {
        [EventPhases.Before] = (AccentSoft, Accent),
        [EventPhases.During] = (WarmSoft, Warm),
        [EventPhases.After] = (Sand, Line),
    };

    public static Diagram Build(IReadOnlyList<EventTask> tasks)
    {
        var ordered = EventPhases.Ordered(tasks);
        var bands = new List<Shape>();
        var points = new List<Shape>();
        var y = Margin;
        double axisTop = 0,
            axisBottom = 0;
        foreach (var phase in EventPhases.All)
        {
            var top = y;
            var inPhase = ordered.Where(t => EventPhases.Of(t) == phase).ToList();
            var done = inPhase.Count(t => t.Done);
            y += 32;
            if (axisTop == 0)
                axisTop = y;
            if (inPhase.Count == 0)
            {
                points.Add(new TextShape(TextX, y + 13, "Nothing planned yet", 12, Muted, Meta: Css("empty-note")));
                y += 26;
            }
            foreach (var task in inPhase)
                y = Point(points, task, y);
            var (fill, stroke) = Colours[phase];
            bands.Add(
                new RectShape(
                    Margin,
                    top,
                    Width - 2 * Margin,
                    y - top,
                    fill,
                    stroke,
                    1.5,
                    6,
                    Meta: new ShapeMeta(
                        CssClass: "event-phase",
                        Data: new Dictionary<string, string> { ["phase"] = phase }
                    )
                )
            );
            bands.Add(new TextShape(Margin + 10, top + 21, EventPhases.Label(phase), 15, Ink, Bold: true));
            if (inPhase.Count > 0)
                bands.Add(
                    new TextShape(
                        Width - Margin - 10,
                        top + 21,
                        $"{done} of {inPhase.Count} done",
                        12,
                        Muted,
                        TextAnchor.End
                    )
                );
            axisBottom = y;
            y += 8;
        }
        var shapes = new List<Shape>(bands)
        {
            new LineShape(AxisX, axisTop, AxisX, axisBottom - 10, Line, 3),
            new PolygonShape(
                [(AxisX - 6, axisBottom - 12), (AxisX + 6, axisBottom - 12), (AxisX, axisBottom - 2)],
                Line
            ),
        };
        shapes.AddRange(points);
        return new Diagram(Width, y, "Event timeline", Describe(ordered), shapes)
        {
            Meta = Css("event-timeline-diagram"),
        };
    }

    /// <summary>One task on the time line; returns where the next one starts.</summary>
    private static double Point(List<Shape> points, EventTask task, double y)
    {
        var what = TextLayout.Clean(task.Task) is { Length: > 0 } t ? t : "A task";
        var when = TextLayout.Clean(task.When);
        var owner = TextLayout.Clean(task.Owner);
        var status = task.Done ? "✓ done" : "to do";
        var group = new List<Shape>
        {
            task.Done
                ? new CircleShape(AxisX, y + 8, 9, Green, Paper, 2)
                : new CircleShape(AxisX, y + 8, 9, Paper, Line, 2.5),
        };
        if (task.Done)
            group.Add(new TextShape(AxisX, y + 12, "✓", 11, Paper, TextAnchor.Middle, true));
        var whenLines = TextLayout.Block(when, WhenRight, y + 12, WhenW, 11, 3, Muted, TextAnchor.End, lineHeight: 14);
        group.AddRange(whenLines);
        var taskLines = TextLayout.Block(what, TextX, y + 13, TextW, 13, 3, Ink, bold: !task.Done, lineHeight: LineH);
        group.AddRange(taskLines);
        var meta = TextLayout.Truncate(owner.Length > 0 ? $"{owner} · {status}" : status, TextW, 12);
        var metaY = y + 13 + taskLines.Count * LineH;
        group.Add(new TextShape(TextX, metaY, meta, 12, task.Done ? Green : Muted));
        points.Add(
            new GroupShape(
                group,
                new ShapeMeta(
                    CssClass: task.Done ? "event-task done" : "event-task",
                    Label: Sentence(task, what, when, owner),
                    Data: new Dictionary<string, string>
                    {
                        ["phase"] = EventPhases.Of(task),
                        ["done"] = task.Done ? "true" : "false",
                    }
                )
            )
        );
        return Math.Max(metaY + 10, y + 12 + whenLines.Count * 14) + 6;
    }

    private static string Sentence(EventTask task, string what, string when, string owner) =>
        (when.Length > 0 ? $"{when}: " : "")
        + what
        + (owner.Length > 0 ? $" ({owner})" : "")
        + (task.Done ? ", done" : ", to do");

    private static string Describe(List<EventTask> ordered)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = EventPhases.All.Select(phase =>
        {
            var items = ordered
                .Where(t => EventPhases.Of(t) == phase)
                .Select(t =>
                    Sentence(
                        t,
                        TextLayout.Clean(t.Task) is { Length: > 0 } w ? w : "a task",
                        TextLayout.Clean(t.When),
                        TextLayout.Clean(t.Owner)
                    )
                )
                .ToList();
            return $"{EventPhases.Label(phase)}: "
                + (items.Count == 0 ? "nothing planned yet." : string.Join("; ", items) + ".");
        });
        var done = ordered.Count(t => t.Done).ToString(inv);
        return $"An event timeline read from top to bottom, {done} of {ordered.Count.ToString(inv)} tasks done. "
            + string.Join(" ", parts);
    }
}
