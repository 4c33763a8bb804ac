using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets.Editor;
using static Kindling.Web.Features.Worksheets.Fields.FieldText;

namespace Kindling.Web.Features.Worksheets.Fields.EventTimeline;

/// <summary>An event's checklist before, during and after it, drawn as a timeline in three bands. Value: an array of
/// <see cref="EventTask"/>.</summary>
public sealed class EventTimelineField() : PictureFieldType<List<EventTask>>(FieldTypes.EventTimeline)
{
    public static readonly string[] Parts = ["phase", "when", "task", "owner", "done"];

    /// <summary>The parts that make a row: its phase alone (a select always sends one) does not.</summary>
    private static readonly string[] RowParts = ["when", "task", "owner", "done"];

    public const string Ticked = "on";

    /// <summary>The longest "when" (a short phrase such as "6 weeks before").</summary>
    public const int MaxWhen = 100;

    public override IEnumerable<BlankRows> Blanks(TemplateField field, FormState form) =>
        [new(FormState.Key(field.Id), 1)];

    protected override List<EventTask> Empty => [];

    protected override Diagram Draw(List<EventTask> value) => EventTimelineDiagram.Build(value);

    protected override void Write(TemplateField field, List<EventTask>? value, FormState form) =>
        form.SetRows(
            FormState.Key(field.Id),
            (value ?? [])
                .Select(t => new[] { EventPhases.Of(t), t.When, t.Task, t.Owner, t.Done ? Ticked : "" })
                .ToList(),
            Parts
        );

    protected override List<EventTask> Read(FieldReader read) =>
        read.Rows(read.Field.Id, RowParts)
            .Select(r =>
            {
                var at = $"row {r.Row + 1} of {read.Label}";
                var key = read.Key(r.Row, "task");
                var task = read.Text(key, WorksheetForm.MaxText, $"The task in {at}");
                if (task.Length == 0)
                    read.Error(key, $"Say what the task is in {at}.");
                var name = task.Length > 0 ? $"‘{task}’" : at;
                var phaseKey = read.Key(r.Row, "phase");
                var phase = read.Form.Get(phaseKey).Trim();
                if (!EventPhases.IsKnown(phase))
                {
                    read.Error(phaseKey, $"Choose when {name} happens: before, during or after the event.");
                    phase = EventPhases.Before;
                }
                var done = read.Form.Get(read.Key(r.Row, "done")).Trim() is Ticked or "true";
                return new EventTask(
                    phase,
                    read.Text(read.Key(r.Row, "when"), MaxWhen, $"The timing of {name}"),
                    task,
                    read.Text(read.Key(r.Row, "owner"), WorksheetForm.MaxText, $"The owner of {name}"),
                    done
                );
            })
            .ToList();

    protected override IReadOnlyList<string> LinesOf(TemplateField field, List<EventTask>? value) =>
        (value ?? []).Select(Line).ToList();

    private static string Line(EventTask t) =>
        EventPhases.Label(EventPhases.Of(t))
        + (Has(t.When) ? $", {t.When}" : "")
        + $": {t.Task}"
        + (Has(t.Owner) ? $" — {t.Owner}" : "")
        + (t.Done ? " — ✓ done" : " — to do");

    protected override IReadOnlyList<CharterBlock> BlocksOf(TemplateField field, List<EventTask>? value)
    {
        var list = EventPhases.Ordered((value ?? []).Where(t => Has(t.Task)));
        if (list.Count == 0)
            return [];
        return
        [
            PictureBlock("Event timeline", list),
            new TableBlock(
                field.Label,
                ["Phase", "When", "Task", "Owner", "Done"],
                list.Select(t =>
                        Row(EventPhases.Label(EventPhases.Of(t)), t.When, t.Task, t.Owner, t.Done ? "✓ Done" : "To do")
                    )
                    .ToList()
            ),
        ];
    }
}
