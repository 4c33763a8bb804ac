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
    string Body
)
{
    public bool IsPlanned => Status == "planned";
    public int PlannedMinutes => Activities.Sum(a => a.Minutes);
    public LessonActivity? RollCall => Activities.FirstOrDefault(a => a.Kind == "roll-call");
}

public sealed record Epigraph(string Quote, string Author);

public sealed record LessonActivity(
    string Kind,
    string Title,
    int Minutes,
    bool Recordable,
    IReadOnlyList<string> Prompts
)
{
    public string KindLabel => ActivityKinds.Label(Kind);
}

public sealed record Reading(string Title, string Url);

/// <param name="Template">Slug of the assignment template (a <c>*.template.yml</c> file of the same curriculum), if
/// any.</param>
public sealed record AssignmentInfo(string Title, string Summary, string? Template = null);

public static class ActivityKinds
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["roll-call"] = "Roll call",
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
