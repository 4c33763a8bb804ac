namespace Kindling.Web.Features.Curricula;

/// <summary>A lesson parsed from its Markdown file: front matter fields plus the Markdown body.</summary>
public sealed record LessonDocument(
    string Slug,
    int Order,
    string Title,
    string Status,
    Epigraph? Epigraph,
    IReadOnlyList<string> KeyLessons,
    IReadOnlyList<LessonActivity> Activities,
    IReadOnlyList<Reading> Readings,
    IReadOnlyList<string> Takeaways,
    AssignmentInfo? Assignment,
    string Body,
    string? Slides = null,
    Credit? Credit = null
)
{
    public bool IsPlanned => Status == "planned";

    /// <summary>The lesson's own slot for sharing insights from the last assignment, if it has one.</summary>
    public LessonActivity? Share => Activities.FirstOrDefault(a => a.Kind == ActivityKinds.Share);
    public int PlannedMinutes => Activities.Sum(a => a.Minutes);
    public LessonActivity? RollCall => Activities.FirstOrDefault(a => a.Kind == "roll-call");
}

public sealed record Epigraph(string Quote, string Author);

public sealed record LessonActivity(
    string Kind,
    string Title,
    int Minutes,
    bool Recordable,
    IReadOnlyList<string> Prompts,
    bool Silent = false,
    IReadOnlyList<string>? PickFrom = null
)
{
    public string KindLabel => ActivityKinds.Label(Kind);

    /// <summary>What the room shows beside the activity to choose from (e.g. core values); empty when
    /// nothing.</summary>
    public IReadOnlyList<string> Choices => PickFrom ?? [];
}

public sealed record Reading(string Title, string Url);

/// <param name="Template">Slug of the assignment template (a <c>*.template.yml</c> file of the same curriculum), if
/// any.</param>
public sealed record AssignmentInfo(string Title, string Summary, string? Template = null);

public static class ActivityKinds
{
    public const string Share = "share";

    /// <summary>The slot for sharing insights that opens every session after a cohort's first when its lesson has no
    /// share activity of its own: ten minutes, as the seed plans it.</summary>
    public const string AutomaticShareTitle = "Share your insights";
    public const int AutomaticShareMinutes = 10;
    public const string SilentNotes = "silent-notes";

    /// <summary>Kinds that can never run as a silent round: the talk, questions and the feedback form.</summary>
    public static readonly IReadOnlyList<string> NeverSilent = ["presentation", "qa", "feedback", Share];

    private static readonly Dictionary<string, string> Labels = new()
    {
        ["roll-call"] = "Roll call",
        [Share] = "Sharing insights",
        ["icebreaker"] = "Icebreaker",
        ["presentation"] = "Presentation",
        ["open-discussion"] = "Open discussion",
        ["silent-notes"] = "Silent note-taking",
        ["breakout"] = "Breakout discussion",
        ["reflection"] = "Full-group reflection",
        ["assignment"] = "Assignment",
        ["reading"] = "Reading",
        ["takeaways"] = "Key takeaways",
        ["qa"] = "Q&A",
        ["feedback"] = "Feedback",
    };

    public static IEnumerable<string> All => Labels.Keys;

    public static bool IsKnown(string kind) => Labels.ContainsKey(kind);

    public static string Label(string kind) => Labels.GetValueOrDefault(kind, kind);
}
