using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Kindling.Web.Features.Curricula;

/// <summary>
/// Parses a lesson file (YAML front matter between '---' lines, then Markdown). Every problem is
/// reported with the file, the line in that file and what to change; a lesson with any problem is rejected whole.
/// </summary>
public static partial class LessonParser
{
    public const int MaxFileBytes = 200_000;
    private static readonly string[] KnownKeys =
    [
        "slug",
        "order",
        "title",
        "status",
        "epigraph",
        "key_lessons",
        "activities",
        "readings",
        "takeaways",
        "assignment",
        "slides",
        "credit",
    ];
    private static readonly string[] ActivityKeys =
    [
        "kind",
        "title",
        "minutes",
        "recordable",
        "prompts",
        "silent",
        "pick_from",
    ];

    /// <summary>At most this many choices in an activity's <c>pick_from</c>, each at most
    /// <see cref="MaxChoiceLength"/> characters.</summary>
    public const int MaxChoices = 100,
        MaxChoiceLength = 80;

    public static (LessonDocument? Lesson, CurriculumError? Error) Parse(string file, string text)
    {
        (LessonDocument?, CurriculumError?) Fail(string message) => (null, new CurriculumError(file, 1, message));
        if (text.Length > MaxFileBytes)
            return Fail($"The file is larger than {MaxFileBytes / 1000} KB; split it into smaller lessons.");
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
            return Fail("A lesson must start with a line '---' that opens the front matter.");
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0)
            return Fail("The front matter opened on line 1 is never closed by a second '---' line.");
        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]).Trim('\n');

        var (root, yamlError) = YamlLoader.LoadMapping(
            file,
            yaml,
            "The front matter",
            "The front matter must be a set of 'key: value' lines.",
            lineOffset: 1
        );
        if (yamlError is not null)
            return (null, yamlError);
        try
        {
            return (Read(YamlReader.StopAtFirstError(file, root!, lineOffset: 1), body, bodyStart: close + 2), null);
        }
        catch (YamlReader.FirstError e)
        {
            return (null, e.Error);
        }
    }

    /// <summary>Reads the front matter, stopping at the first problem: a lesson with a problem is rejected.</summary>
    private static LessonDocument Read(YamlReader r, string body, int bodyStart)
    {
        r.RejectUnknown(KnownKeys, "lesson");
        var slug = r.Slug("slug")!;
        var order = r.Int("order", 1, 999, required: true) ?? 0;
        var title = r.Required("title", 200)!;
        var status = r.Optional("status") ?? "ready";
        if (status is not ("ready" or "planned"))
            throw r.Fail(r.LineOf("status"), $"'status' must be 'ready' or 'planned', not '{status}'.");

        Epigraph? epigraph = null;
        if (r.Map("epigraph") is { } ep)
        {
            var er = r.For(ep);
            er.RejectUnknown(["quote", "author"], "epigraph");
            epigraph = new Epigraph(er.Required("quote", 1000)!, er.Required("author", 200)!);
        }

        var slides = r.HttpsUrl("slides");
        var credit = r.Map("credit") is { } cm ? Credit.Read(r, cm) : null;

        var actNode = r.Sequence("activities");
        if (actNode is null && status == "ready")
            throw r.Fail(1, "A ready lesson needs an 'activities' list (roll call, presentation, discussion, ...).");
        var activities = (actNode?.Children ?? []).Select(node => ParseActivity(r, node)).ToList();
        if (activities.Count(a => a.Kind == ActivityKinds.Share) > 1)
            throw r.Fail(
                r.LineOf("activities"),
                "A lesson has at most one 'share' activity (the slot for sharing insights from the last assignment)."
            );

        var readings = new List<Reading>();
        foreach (var node in r.Sequence("readings")?.Children ?? [])
        {
            if (node is not YamlMappingNode rm)
                throw r.Fail(r.LineIn(node), "Each reading needs 'title' and 'url'.");
            var rr = r.For(rm);
            rr.RejectUnknown(["title", "url"], "reading");
            var url = rr.Required("url", 500)!;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                throw rr.Fail(rr.LineOf("url"), $"The reading URL '{url}' must start with https:// or http://.");
            readings.Add(new Reading(rr.Required("title", 300)!, url));
        }

        AssignmentInfo? assignment = null;
        if (r.Map("assignment") is { } am)
        {
            var ar = r.For(am);
            ar.RejectUnknown(["title", "summary", "template"], "assignment");
            var template = ar.Optional("template", 80);
            if (template is not null && !Slugs.Pattern().IsMatch(template))
                throw ar.Fail(
                    ar.LineOf("template"),
                    "'template' must be the slug of a template file of this "
                        + $"curriculum (lower-case letters, digits and hyphens), not '{template}'."
                );
            assignment = new AssignmentInfo(ar.Required("title", 200)!, ar.Optional("summary") ?? "", template);
        }

        try
        {
            MarkdownRenderer.Validate(body);
        }
        catch (MarkdownTooDeepException)
        {
            throw r.Fail(
                bodyStart,
                "The Markdown body is nested too deeply (lists or quotes inside each other); flatten it."
            );
        }

        return new LessonDocument(
            slug,
            order,
            title,
            status,
            epigraph,
            Strings(r, "key_lessons"),
            activities,
            readings,
            Strings(r, "takeaways"),
            assignment,
            body,
            slides,
            credit
        );
    }

    private static LessonActivity ParseActivity(YamlReader lesson, YamlNode node)
    {
        if (node is not YamlMappingNode m)
            throw lesson.Fail(lesson.LineIn(node), "Each activity needs 'kind', 'title' and 'minutes'.");
        var a = lesson.For(m);
        a.RejectUnknown(ActivityKeys, "activity");
        var kind = a.Required("kind")!;
        if (!ActivityKinds.IsKnown(kind))
            throw a.Fail(
                a.LineOf("kind"),
                $"Unknown activity kind '{kind}'. Use one of: {string.Join(", ", ActivityKinds.All)}."
            );
        var title = a.Required("title", 200)!;
        var minutes = a.Int("minutes", 1, 180, required: true) ?? 0;
        var recordable = a.Bool("recordable");
        if (recordable && kind != "presentation")
            throw a.Fail(
                a.LineOf("recordable"),
                $"Only a presentation may be recorded; '{title}' is a "
                    + $"{ActivityKinds.Label(kind).ToLowerInvariant()} and discussion is never recorded."
            );
        var silent = a.Bool("silent", absent: kind == ActivityKinds.SilentNotes);
        if (silent && ActivityKinds.NeverSilent.Contains(kind))
            throw a.Fail(
                a.LineOf("silent"),
                $"'{title}' is a {ActivityKinds.Label(kind).ToLowerInvariant()}, which cannot run as a silent round; "
                    + "remove 'silent: true'."
            );
        var choices = a.Has("pick_from")
            ? a.StringList("pick_from", MaxChoiceLength, MaxChoices)
                ?? throw a.Fail(a.LineOf("pick_from"), "'pick_from' must be a list of short choices.")
            : null;
        return new LessonActivity(kind, title, minutes, recordable, Strings(a, "prompts"), silent, choices);
    }

    /// <summary>A list of lines of text (repeats allowed), empty when absent.</summary>
    private static List<string> Strings(YamlReader r, string key) =>
        r.StringList(key, YamlReader.DefaultMax, int.MaxValue, distinct: false) ?? [];
}
