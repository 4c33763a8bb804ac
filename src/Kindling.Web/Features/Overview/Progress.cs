namespace Kindling.Web.Features.Overview;

/// <summary>How far a person is with one assignment, the furthest of their projects' copies of its template.</summary>
public enum ProgressState
{
    NotStarted = 0,
    Copied = 1,
    BeingFilled = 2,
    Shared = 3,
}

/// <summary>One person's state for one template, with how many of the template's fields are filled.</summary>
public sealed record Progress(ProgressState State, int Filled, int Fields)
{
    public static readonly Progress None = new(ProgressState.NotStarted, 0, 0);

    /// <summary>Whole percent of the fields filled (0 when the template has none).</summary>
    public int Percent => Fields == 0 ? 0 : (int)Math.Round(100.0 * Filled / Fields, MidpointRounding.AwayFromZero);

    public string Label =>
        State switch
        {
            ProgressState.NotStarted => "Not started",
            ProgressState.Copied => "Copied",
            ProgressState.BeingFilled => $"Being filled ({Percent}%)",
            _ => "Shared",
        };

    /// <summary>The longer words for a title or a screen reader.</summary>
    public string Detail =>
        State switch
        {
            ProgressState.NotStarted => "no copy in any of their projects",
            ProgressState.Copied => $"copied, nothing filled in yet (0 of {Fields} fields)",
            ProgressState.BeingFilled => $"being filled: {Filled} of {Fields} fields, not shared",
            _ => $"shared with the cohort ({Filled} of {Fields} fields filled)",
        };

    /// <summary>The further of two: a later state wins, then more fields filled.</summary>
    public static Progress Furthest(Progress a, Progress b) =>
        (b.State, b.Filled).CompareTo((a.State, a.Filled)) > 0 ? b : a;

    public static string StateName(ProgressState s) =>
        s switch
        {
            ProgressState.NotStarted => "Not started",
            ProgressState.Copied => "Copied",
            ProgressState.BeingFilled => "Being filled",
            _ => "Shared",
        };

    public static readonly IReadOnlyList<ProgressState> States =
    [
        ProgressState.NotStarted,
        ProgressState.Copied,
        ProgressState.BeingFilled,
        ProgressState.Shared,
    ];
}

/// <summary>Every person's <see cref="Progress"/> for every template of the curriculum.</summary>
public sealed class ProgressGrid(IReadOnlyDictionary<(string UserId, string Slug), Progress> cells)
{
    public Progress Of(string userId, string slug) => cells.GetValueOrDefault((userId, slug)) ?? Progress.None;

    public int Count(IEnumerable<OverviewPerson> people, string slug, ProgressState state) =>
        people.Count(p => Of(p.UserId, slug).State == state);
}
