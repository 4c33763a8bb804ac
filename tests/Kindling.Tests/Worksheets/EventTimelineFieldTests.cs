using Kindling.Tests.Frameworks;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Editor;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Fields.EventTimeline;
using static Kindling.Tests.Worksheets.TestTemplates;

namespace Kindling.Tests.Worksheets;

/// <summary>The event timeline field: an event's tasks before, during and after it, each with an owner and a done
/// box.</summary>
public class EventTimelineFieldTests
{
    private static readonly WorksheetTemplate Template = Of(Field("plan", FieldTypes.EventTimeline, "Event checklist"));
    private static TemplateField Plan => Template.Field("plan")!;
    private static FieldType Type => FieldTypes.Of(FieldTypes.EventTimeline);
    private static readonly string[] Parts = ["phase", "when", "task", "owner", "done"];

    private static FormState Form(params (string Phase, string When, string Task, string Owner, string Done)[] rows)
    {
        var form = new FormState();
        form.SetRows("f.plan", rows.Select(r => new[] { r.Phase, r.When, r.Task, r.Owner, r.Done }).ToList(), Parts);
        return form;
    }

    private static (List<EventTask> Tasks, IReadOnlyList<FieldError> Errors) Read(FormState form)
    {
        var (data, errors) = WorksheetForm.Read(Template, form);
        return (data.Get<List<EventTask>>("plan") ?? [], errors);
    }

    private static WorksheetData With(params EventTask[] tasks)
    {
        var data = WorksheetData.Empty();
        data.Set("plan", tasks.ToList());
        return data;
    }

    private static readonly EventTask[] Sample =
    [
        new("after", "Next day", "Send the thank-you note", "Ben", false),
        new("before", "6 weeks before", "Book the venue", "Ana", true),
        new("during", "", "Welcome newcomers at the door", "", false),
        new("before", "1 week before", "Check step-free access", "Ana", false),
    ];

    [Fact]
    public void Read_ValidRows_KeepsPhaseWhenTaskOwnerAndDoneAndDropsBlankRows()
    {
        var form = Form(
            ("before", "6 weeks before", "Book the venue", "Ana", "on"),
            ("before", "", "", "", ""),
            ("during", "", "Welcome newcomers", "", "")
        );

        var (tasks, errors) = Read(form);

        Assert.Empty(errors);
        Assert.Equal(
            [
                new EventTask("before", "6 weeks before", "Book the venue", "Ana", true),
                new EventTask("during", "", "Welcome newcomers", "", false),
            ],
            tasks
        );
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("Before")]
    [InlineData("")]
    public void Read_UnknownPhase_NamesTheTask(string phase)
    {
        var (_, errors) = Read(Form((phase, "", "Book the venue", "", "")));

        var e = Assert.Single(errors);
        Assert.Equal(
            ("f.plan.0.phase", "Choose when ‘Book the venue’ happens: before, during or after the event."),
            (e.InputName, e.Message)
        );
    }

    [Fact]
    public void Read_OwnerOrDoneWithoutATask_AsksForTheTask()
    {
        var (_, errors) = Read(Form(("before", "", "", "Ana", ""), ("after", "", "", "", "on")));

        Assert.Equal(
            [
                ("f.plan.0.task", "Say what the task is in row 1 of ‘Event checklist’."),
                ("f.plan.1.task", "Say what the task is in row 2 of ‘Event checklist’."),
            ],
            errors.Select(e => (e.InputName, e.Message))
        );
    }

    [Fact]
    public void Read_TooLongTexts_SayWhichAndHowLong()
    {
        var form = Form(
            ("before", new string('w', EventTimelineField.MaxWhen + 1), "Book the venue", new string('o', 501), ""),
            ("during", "", new string('t', 502), "", "")
        );

        var (_, errors) = Read(form);

        Assert.Equal(
            [
                (
                    "f.plan.0.when",
                    "The timing of ‘Book the venue’ is too long: keep it to 100 characters (it has 101)."
                ),
                (
                    "f.plan.0.owner",
                    "The owner of ‘Book the venue’ is too long: keep it to 500 characters (it has 501)."
                ),
                (
                    "f.plan.1.task",
                    "The task in row 2 of ‘Event checklist’ is too long: keep it to 500 characters (it has 502)."
                ),
            ],
            errors.Select(e => (e.InputName, e.Message))
        );
    }

    [Fact]
    public void ToFormThenRead_GivesTheSameData()
    {
        var data = With(Sample);

        var (read, errors) = WorksheetForm.Read(Template, WorksheetForm.ToForm(Template, data));

        Assert.Empty(errors);
        Assert.Equal(data.RawOf("plan"), read.RawOf("plan"));
    }

    [Fact]
    public void Lines_SayPhaseWhenTaskOwnerAndDoneInWords()
    {
        Assert.Equal(
            [
                "After, Next day: Send the thank-you note — Ben — to do",
                "Before, 6 weeks before: Book the venue — Ana — ✓ done",
                "During: Welcome newcomers at the door — to do",
                "Before, 1 week before: Check step-free access — Ana — to do",
            ],
            Type.Lines(Plan, With(Sample))
        );
    }

    [Fact]
    public void Blocks_Empty_AreEmpty()
    {
        Assert.Empty(Type.Blocks(Plan, With()));
    }

    [Fact]
    public void Blocks_GivePictureThenTableInPhaseOrder()
    {
        var blocks = Type.Blocks(Plan, With(Sample));

        Assert.Collection(
            blocks,
            b => Assert.Equal(("event-timeline", "Event timeline"), (((DiagramBlock)b).Kind, ((DiagramBlock)b).Title)),
            b =>
            {
                var table = Assert.IsType<TableBlock>(b);
                Assert.Equal("Event checklist", table.Label);
                Assert.Equal(["Phase", "When", "Task", "Owner", "Done"], table.Columns);
                Assert.Equal(
                    [
                        ["Before", "6 weeks before", "Book the venue", "Ana", "✓ Done"],
                        ["Before", "1 week before", "Check step-free access", "Ana", "To do"],
                        ["During", "", "Welcome newcomers at the door", "", "To do"],
                        ["After", "Next day", "Send the thank-you note", "Ben", "To do"],
                    ],
                    table.Rows
                );
            }
        );
    }

    [Fact]
    public void Picture_ThreeLabelledBandsWithEachTaskAndItsTickInText()
    {
        var d = Type.Picture(Plan, With(Sample))!;
        var root = Svg.Parse(d);

        var texts = root.Texts();
        Assert.Equal(["Before", "During", "After"], texts.Where(t => t is "Before" or "During" or "After"));
        Assert.Contains("1 of 2 done", texts);
        var tasks = root.WithClass("event-task").ToList();
        Assert.Equal(
            [("before", "true"), ("before", "false"), ("during", "false"), ("after", "false")],
            tasks.Select(t => (t.Data("phase"), t.Data("done")))
        );
        var venue = tasks[0].Texts();
        Assert.Contains("Book the venue", venue);
        Assert.Contains("6 weeks before", venue);
        Assert.Contains("Ana · ✓ done", venue); // done is said in words, not only by colour
        Assert.Contains("✓", venue);
        Assert.Contains("Ben · to do", tasks[3].Texts());
        Assert.Contains("Before: 6 weeks before: Book the venue (Ana), done;", d.Description);
        Assert.Contains("1 of 4 tasks done", d.Description);
    }

    [Fact]
    public void Picture_TasksGoDownTheTimeLineInPhaseOrder()
    {
        var root = Svg.Parse(Type.Picture(Plan, With(Sample))!);

        var ys = root.WithClass("event-task").Select(t => t.FirstCircle().Num("cy")).ToList();

        Assert.Equal(ys.Order(), ys);
        Assert.Equal(ys.Count, ys.Distinct().Count());
    }

    [Fact]
    public void Picture_Empty_ShowsTheThreeBandsWithNothingPlanned()
    {
        var root = Svg.Parse(Type.Picture(Plan, WorksheetData.Empty())!);

        Assert.Equal(3, root.Texts().Count(t => t == "Nothing planned yet"));
        Assert.Equal(["before", "during", "after"], root.WithClass("event-phase").Select(b => b.Data("phase")));
    }
}
