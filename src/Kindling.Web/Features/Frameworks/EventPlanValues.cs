namespace Kindling.Web.Features.Frameworks;

// The value of an event timeline field (JSON, camelCase). Keep changes additive.

/// <summary>One task of an event's checklist: <see cref="Phase"/> is one of <see cref="EventPhases.All"/>;
/// <see cref="When"/> is free text such as "6 weeks before".</summary>
public sealed record EventTask(string Phase, string When, string Task, string Owner, bool Done);

/// <summary>The three parts of an event's timeline, in order, with the words people read for each.</summary>
public static class EventPhases
{
    public const string Before = "before";
    public const string During = "during";
    public const string After = "after";

    public static readonly IReadOnlyList<string> All = [Before, During, After];

    public static bool IsKnown(string? phase) => phase is not null && All.Contains(phase);

    /// <summary>The phase as people read it ("Before"); an unknown phase reads as before.</summary>
    public static string Label(string? phase) =>
        phase switch
        {
            During => "During",
            After => "After",
            _ => "Before",
        };

    /// <summary>The phase of a stored task: an unknown or missing one counts as before.</summary>
    public static string Of(EventTask task) => IsKnown(task?.Phase) ? task!.Phase : Before;

    /// <summary>Tasks by phase (before, during, after), keeping their order within each.</summary>
    public static List<EventTask> Ordered(IEnumerable<EventTask>? tasks) =>
        (tasks ?? []).Where(t => t is not null).OrderBy(t => Rank(Of(t))).ToList();

    private static int Rank(string phase) =>
        phase switch
        {
            During => 1,
            After => 2,
            _ => 0,
        };
}
