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
        ["slug", "order", "title", "status", "epigraph", "key_lessons", "activities", "readings", "takeaways", "assignment"];
    private static readonly string[] ActivityKeys = ["kind", "title", "minutes", "recordable", "prompts"];

    public static (LessonDocument? Lesson, CurriculumError? Error) Parse(string file, string text)
    {
        try { return (ParseOrThrow(file, text), null); }
        catch (LessonException e) { return (null, new CurriculumError(file, e.Line, e.Message)); }
    }

    private sealed class LessonException(int line, string message) : Exception(message) { public int Line { get; } = line; }

    private static LessonDocument ParseOrThrow(string file, string text)
    {
        if (text.Length > MaxFileBytes) throw new LessonException(1, $"The file is larger than {MaxFileBytes / 1000} KB; split it into smaller lessons.");
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
            throw new LessonException(1, "A lesson must start with a line '---' that opens the front matter.");
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (close < 0) throw new LessonException(1, "The front matter opened on line 1 is never closed by a second '---' line.");
        var yaml = string.Join('\n', lines[1..close]);
        var body = string.Join('\n', lines[(close + 1)..]).Trim('\n');

        var (root, yamlError) = YamlLoader.LoadMapping(file, yaml, "The front matter", "The front matter must be a set of 'key: value' lines.", lineOffset: 1);
        if (yamlError is not null) throw new LessonException(yamlError.Line, yamlError.Message);

        var r = new Reader(root!);
        r.RejectUnknown(KnownKeys, "lesson");
        var slug = r.Required("slug");
        if (!Slugs.Pattern().IsMatch(slug) || slug.Length > 80)
            throw new LessonException(r.LineOf("slug"), $"'slug' must be lower-case letters, digits and single hyphens (at most 80), not '{slug}'.");
        var order = r.Int("order", 1, 999, required: true);
        var title = r.Required("title", 200);
        var status = r.Optional("status") ?? "ready";
        if (status is not ("ready" or "planned"))
            throw new LessonException(r.LineOf("status"), $"'status' must be 'ready' or 'planned', not '{status}'.");

        Epigraph? epigraph = null;
        if (r.Map("epigraph") is { } ep)
        {
            var er = new Reader(ep);
            er.RejectUnknown(["quote", "author"], "epigraph");
            epigraph = new Epigraph(er.Required("quote", 1000), er.Required("author", 200));
        }

        var activities = new List<LessonActivity>();
        var actNode = r.Sequence("activities");
        if (actNode is null && status == "ready")
            throw new LessonException(1, "A ready lesson needs an 'activities' list (roll call, presentation, discussion, ...).");
        foreach (var node in actNode?.Children ?? [])
            activities.Add(ParseActivity(node));

        var readings = new List<Reading>();
        foreach (var node in r.Sequence("readings")?.Children ?? [])
        {
            if (node is not YamlMappingNode rm) throw new LessonException(Line(node), "Each reading needs 'title' and 'url'.");
            var rr = new Reader(rm);
            rr.RejectUnknown(["title", "url"], "reading");
            var url = rr.Required("url", 500);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || (u.Scheme != "https" && u.Scheme != "http"))
                throw new LessonException(rr.LineOf("url"), $"The reading URL '{url}' must start with https:// or http://.");
            readings.Add(new Reading(rr.Required("title", 300), url));
        }

        AssignmentInfo? assignment = null;
        if (r.Map("assignment") is { } am)
        {
            var ar = new Reader(am);
            ar.RejectUnknown(["title", "summary", "template"], "assignment");
            var template = ar.Optional("template", 80);
            if (template is not null && !Slugs.Pattern().IsMatch(template))
                throw new LessonException(ar.LineOf("template"), $"'template' must be the slug of a template file of this curriculum (lower-case letters, digits and hyphens), not '{template}'.");
            assignment = new AssignmentInfo(ar.Required("title", 200), ar.Optional("summary") ?? "", template);
        }

        var bodyStart = close + 2;
        try { MarkdownRenderer.Validate(body); }
        catch (MarkdownTooDeepException) { throw new LessonException(bodyStart, "The Markdown body is nested too deeply (lists or quotes inside each other); flatten it."); }

        return new LessonDocument(slug, order, title, status, epigraph, r.StringList("key_lessons"), activities,
            readings, r.StringList("takeaways"), assignment, body);
    }

    private static LessonActivity ParseActivity(YamlNode node)
    {
        if (node is not YamlMappingNode m)
            throw new LessonException(Line(node), "Each activity needs 'kind', 'title' and 'minutes'.");
        var a = new Reader(m);
        a.RejectUnknown(ActivityKeys, "activity");
        var kind = a.Required("kind");
        if (!ActivityKinds.IsKnown(kind))
            throw new LessonException(a.LineOf("kind"), $"Unknown activity kind '{kind}'. Use one of: {string.Join(", ", ActivityKinds.All)}.");
        var title = a.Required("title", 200);
        var minutes = a.Int("minutes", 1, 180, required: true);
        var recordable = a.Bool("recordable");
        if (recordable && kind != "presentation")
            throw new LessonException(a.LineOf("recordable"), $"Only a presentation may be recorded; '{title}' is a {ActivityKinds.Label(kind).ToLowerInvariant()} and discussion is never recorded.");
        return new LessonActivity(kind, title, minutes, recordable, a.StringList("prompts"));
    }

    private static int Line(YamlNode n) => (int)n.Start.Line + 1;

    /// <summary>Reads typed values from a mapping node, naming the key and line on any problem.</summary>
    private sealed class Reader(YamlMappingNode map)
    {
        private YamlNode? Get(string key) =>
            map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Value;

        public int LineOf(string key) =>
            map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode s && s.Value == key).Key is { } k ? Line(k) : Line(map);

        public void RejectUnknown(string[] known, string what)
        {
            foreach (var key in map.Children.Keys)
                if (key is not YamlScalarNode s || !known.Contains(s.Value))
                    throw new LessonException(Line(key), $"Unknown {what} key '{(key as YamlScalarNode)?.Value}'. Known keys: {string.Join(", ", known)}.");
        }

        public string? Optional(string key, int max = 2000)
        {
            var node = Get(key);
            if (node is null) return null;
            if (node is not YamlScalarNode s) throw new LessonException(Line(node), $"'{key}' must be a single line of text.");
            var v = (s.Value ?? "").Trim();
            if (v.Length > max) throw new LessonException(Line(node), $"'{key}' is longer than {max} characters.");
            return v.Length == 0 ? null : v;
        }

        public string Required(string key, int max = 2000) =>
            Optional(key, max) ?? throw new LessonException(LineOf(key), $"'{key}' is required and must not be empty.");

        public int Int(string key, int min, int max, bool required)
        {
            var text = required ? Required(key) : Optional(key);
            if (text is null) return 0;
            if (!int.TryParse(text, out var v) || v < min || v > max)
                throw new LessonException(LineOf(key), $"'{key}' must be a whole number from {min} to {max}, not '{text}'.");
            return v;
        }

        public bool Bool(string key)
        {
            var text = Optional(key);
            return text switch
            {
                null or "false" => false,
                "true" => true,
                _ => throw new LessonException(LineOf(key), $"'{key}' must be true or false, not '{text}'."),
            };
        }

        public YamlMappingNode? Map(string key) => Get(key) switch
        {
            null => null,
            YamlMappingNode m => m,
            var n => throw new LessonException(Line(n), $"'{key}' must be a group of 'key: value' lines."),
        };

        public YamlSequenceNode? Sequence(string key) => Get(key) switch
        {
            null => null,
            YamlSequenceNode s => s,
            var n => throw new LessonException(Line(n), $"'{key}' must be a list (lines starting with '- ')."),
        };

        public IReadOnlyList<string> StringList(string key)
        {
            var list = new List<string>();
            foreach (var item in Sequence(key)?.Children ?? [])
            {
                if (item is not YamlScalarNode s || string.IsNullOrWhiteSpace(s.Value))
                    throw new LessonException(Line(item), $"Each item of '{key}' must be a line of text.");
                if (s.Value.Length > 2000) throw new LessonException(Line(item), $"An item of '{key}' is longer than 2000 characters.");
                list.Add(s.Value.Trim());
            }
            return list;
        }
    }
}
