using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets.Fields;
using YamlDotNet.RepresentationModel;

namespace Kindling.Web.Features.Worksheets.Templates;

/// <summary>
/// Parses an assignment template file (<c>NN-name.template.yml</c>, format in curriculum/TEMPLATES.md) into a
/// <see cref="WorksheetTemplate"/>. Every problem found is reported with the file, the line and what to change;
/// a template with any problem is rejected whole.
/// </summary>
public static class TemplateParser
{
    public const string Suffix = ".template.yml";
    public const int MaxFileBytes = 100_000;
    public const int MaxSections = 20,
        MaxFields = 60,
        MaxItems = 30;

    private static readonly string[] TemplateKeys = ["slug", "lesson", "title", "intro", "sections", "credit"];
    private static readonly string[] SectionKeys = ["title", "intro", "fields"];
    private static readonly string[] FieldKeys =
    [
        "id",
        "type",
        "label",
        "help",
        "prompts",
        "columns",
        "options",
        "multiple",
        "charter",
    ];

    public static bool IsTemplateFile(string name) => name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    public static (WorksheetTemplate? Template, IReadOnlyList<CurriculumError> Errors) Parse(string file, string text)
    {
        if (text.Length > MaxFileBytes)
            return (
                null,
                [
                    new CurriculumError(
                        file,
                        1,
                        $"The template is larger than {MaxFileBytes / 1000} KB; split it or shorten its texts."
                    ),
                ]
            );
        var (root, yamlError) = YamlLoader.LoadMapping(
            file,
            text.Replace("\r\n", "\n").TrimStart('\uFEFF'),
            "The template",
            "A template must be a set of 'key: value' lines (slug, lesson, title, intro, sections)."
        );
        if (yamlError is not null)
            return (null, [yamlError]);

        var errors = new List<CurriculumError>();
        var r = new YamlReader(file, root!, errors);
        r.RejectUnknown(TemplateKeys, "template");
        var slug = r.Slug("slug");
        var lesson = r.Slug("lesson");
        var title = r.Required("title", 200);
        var intro = r.Optional("intro", 4000) ?? "";
        var credit = r.Map("credit") is { } cm ? Credit.Read(r, cm) : null;

        var sections = new List<TemplateSection>();
        var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sectionNodes = r.Sequence("sections");
        if (!r.Has("sections") || sectionNodes is { Children.Count: 0 })
            r.Error(
                r.LineOf("sections"),
                "'sections' is required: a list of sections, each with a 'title' and a list of 'fields'."
            );
        else if (sectionNodes is { Children.Count: > MaxSections })
            r.Error(
                YamlReader.Line(sectionNodes),
                $"A template has at most {MaxSections} sections; this one has {sectionNodes.Children.Count}."
            );
        foreach (var node in sectionNodes?.Children ?? [])
            if (ParseSection(file, node, errors, seenIds) is { } section)
                sections.Add(section);
        if (seenIds.Count > MaxFields)
            r.Error(1, $"A template has at most {MaxFields} fields; this one has {seenIds.Count}.");

        return errors.Count > 0
            ? (null, errors)
            : (new WorksheetTemplate(slug!, lesson!, title!, intro, sections, credit), errors);
    }

    private static TemplateSection? ParseSection(
        string file,
        YamlNode node,
        List<CurriculumError> errors,
        Dictionary<string, int> seenIds
    )
    {
        if (node is not YamlMappingNode m)
        {
            errors.Add(
                new CurriculumError(file, YamlReader.Line(node), "Each section needs a 'title' and a list of 'fields'.")
            );
            return null;
        }
        var r = new YamlReader(file, m, errors);
        r.RejectUnknown(SectionKeys, "section");
        var title = r.Required("title", 200);
        var intro = r.Optional("intro", 4000) ?? "";
        var fields = new List<TemplateField>();
        var fieldNodes = r.Sequence("fields");
        if (!r.Has("fields") || fieldNodes is { Children.Count: 0 })
            r.Error(
                fieldNodes is null ? YamlReader.Line(m) : YamlReader.Line(fieldNodes),
                $"The section '{title ?? "(untitled)"}' needs a 'fields' list with at least one field."
            );
        foreach (var f in fieldNodes?.Children ?? [])
            if (ParseField(file, f, errors, seenIds) is { } field)
                fields.Add(field);
        return title is null ? null : new TemplateSection(title, intro, fields);
    }

    private static TemplateField? ParseField(
        string file,
        YamlNode node,
        List<CurriculumError> errors,
        Dictionary<string, int> seenIds
    )
    {
        if (node is not YamlMappingNode m)
        {
            errors.Add(
                new CurriculumError(
                    file,
                    YamlReader.Line(node),
                    "Each field needs at least an 'id', a 'type' and a 'label'."
                )
            );
            return null;
        }
        var before = errors.Count;
        var r = new YamlReader(file, m, errors);
        r.RejectUnknown(FieldKeys, "field");
        var id = r.Required("id", 60);
        if (id is not null)
        {
            if (!Slugs.Pattern().IsMatch(id))
                r.Error(
                    r.LineOf("id"),
                    $"The field id '{id}' must be lower-case letters, digits and single hyphens (for example "
                        + $"'origin-story')."
                );
            else if (seenIds.TryGetValue(id, out var firstLine))
                r.Error(
                    r.LineOf("id"),
                    $"The field id '{id}' is already used on line {firstLine}; each field needs its own id."
                );
            else
                seenIds[id] = r.LineOf("id");
        }

        var type = r.Required("type", 40);
        if (type is not null && !FieldTypes.IsKnown(type))
        {
            r.Error(r.LineOf("type"), $"Unknown field type '{type}'. Use one of: {string.Join(", ", FieldTypes.All)}.");
            type = null;
        }
        var label = r.Required("label", 200);
        var help = r.Optional("help", 2000) ?? "";
        var prompts = r.StringList("prompts", 500, MaxItems) ?? [];
        var columnList = r.StringList("columns", 100, 8);
        var optionList = r.StringList("options", 100, 50);
        var columns = columnList ?? [];
        var options = optionList ?? [];
        var multiple = r.Bool("multiple");
        var charter = r.Optional("charter", 40);
        if (charter is not null && !CharterSections.All.Contains(charter))
            r.Error(
                r.LineOf("charter"),
                $"Unknown charter section '{charter}'. Use one of: {string.Join(", ", CharterSections.All)}."
            );

        if (type is not null)
        {
            var keys = FieldTypes.Of(type).Keys;
            CheckKey(r, keys, "columns", columnList, 1, "a list of column names", id, type);
            CheckKey(r, keys, "options", optionList, 2, "a list of at least two answers to choose from", id, type);
            CheckKey(r, keys, "multiple", null, 0, "", id, type);
        }
        return errors.Count > before
            ? null
            : new TemplateField(id!, type!, label!, help, prompts, columns, options, multiple, charter);
    }

    /// <summary>A key the field's type requires must be there (with at least <paramref name="min"/> items); a key it
    /// does not take must not.</summary>
    private static void CheckKey(
        YamlReader r,
        TemplateKeys keys,
        string key,
        IReadOnlyList<string>? list,
        int min,
        string what,
        string? id,
        string type
    )
    {
        if (keys.Of(key) == KeyUse.Required && (list?.Count < min || !r.Has(key)))
            r.Error(r.Has(key) ? r.LineOf(key) : r.LineOf("type"), $"The {type} field '{id}' needs '{key}': {what}.");
        if (keys.Of(key) == KeyUse.NotAllowed && r.Has(key))
            r.Error(r.LineOf(key), $"'{key}' only applies to {TakersOf(key)} fields; '{id}' is a {type} field.");
    }

    /// <summary>The types that take a key, as in "choice and values".</summary>
    private static string TakersOf(string key)
    {
        var names = FieldTypes.Types.Where(t => t.Keys.Of(key) != KeyUse.NotAllowed).Select(t => t.Name).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
