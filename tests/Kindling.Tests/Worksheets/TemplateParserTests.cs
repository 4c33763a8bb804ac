using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;

namespace Kindling.Tests.Worksheets;

public class TemplateParserTests
{
    /// <summary>A valid template; each malformed case changes one thing. Line numbers are lines of this text.</summary>
    private const string Valid = """
        slug: sample
        lesson: sample-lesson
        title: Sample worksheet
        intro: What this is for.
        sections:
          - title: First section
            intro: Start here.
            fields:
              - id: story
                type: long-text
                label: The story
                help: Tell it.
                prompts: [How did it start?, Who was there?]
              - id: outcomes
                type: table
                label: Outcomes
                columns: [Strand, Purpose]
              - id: stage
                type: choice
                label: Stage
                options: [Early, Growing]
              - id: people
                type: stakeholder-map
                label: Stakeholders
                charter: stakeholders
        """;

    private static string With(string find, string replace)
    {
        Assert.Contains(find, Valid);
        return Valid.Replace(find, replace);
    }

    public static TheoryData<string, string, int, string> Malformed() =>
        new()
        {
            { "not YAML", With("title: Sample worksheet", "title: \"Sample worksheet"), 3, "not valid YAML" },
            {
                "duplicate key",
                With("lesson: sample-lesson", "lesson: sample-lesson\nslug: again"),
                3,
                "not valid YAML"
            },
            { "undefined alias", With("title: Sample worksheet", "title: *nowhere"), 3, "not valid YAML" },
            { "only document ends", "...\n...\n", 1, "not valid YAML" },
            { "empty verbatim tag", With("title: Sample worksheet", "title: !<> x"), 3, "not valid YAML" },
            {
                "self-referring alias",
                With("title: Sample worksheet", "title: &t [*t]"),
                3,
                "Anchors aren't supported"
            },
            { "a list, not a mapping", "- one\n- two\n", 1, "must be a set of 'key: value' lines" },
            { "missing slug", With("slug: sample\n", ""), 1, "'slug' is required" },
            { "missing lesson", With("lesson: sample-lesson\n", ""), 1, "'lesson' is required" },
            { "missing title", With("title: Sample worksheet\n", ""), 1, "'title' is required" },
            { "empty title", With("title: Sample worksheet", "title: \"\""), 3, "'title' is required" },
            {
                "missing sections",
                Valid[..Valid.IndexOf("sections:", StringComparison.Ordinal)],
                1,
                "'sections' is required"
            },
            {
                "empty sections",
                Valid[..Valid.IndexOf("sections:", StringComparison.Ordinal)] + "sections: []",
                5,
                "'sections' is required"
            },
            {
                "sections not a list",
                Valid[..Valid.IndexOf("sections:", StringComparison.Ordinal)] + "sections: lots",
                5,
                "'sections' must be a list"
            },
            {
                "bad slug",
                With("slug: sample", "slug: Sample_Worksheet"),
                1,
                "'slug' must be lower-case letters, digits and single hyphens (at most 80), not 'Sample_Worksheet'"
            },
            {
                "bad lesson slug",
                With("lesson: sample-lesson", "lesson: sample lesson"),
                2,
                "'lesson' must be lower-case letters"
            },
            {
                "bad field id",
                With("id: outcomes", "id: Outcomes!"),
                14,
                "The field id 'Outcomes!' must be lower-case letters"
            },
            {
                "duplicate field id",
                With("id: stage", "id: story"),
                18,
                "The field id 'story' is already used on line 9"
            },
            {
                "missing field id",
                With("      - id: stage\n        type: choice", "      - type: choice"),
                18,
                "'id' is required"
            },
            {
                "unknown field type",
                With("type: long-text", "type: essay"),
                10,
                "Unknown field type 'essay'. Use one of: text, long-text, list, table, choice, date, "
                    + "stakeholder-map, channels, mountain, skills, values, roadmap, success, practices, event-timeline, indicators."
            },
            {
                "unknown template key",
                With("intro: What this is for.", "intro: What this is for.\ncolour: red"),
                5,
                "Unknown template key 'colour'. Known keys: slug, lesson, title, intro, sections, credit."
            },
            {
                "unknown section key",
                With("    intro: Start here.", "    intro: Start here.\n    colour: red"),
                8,
                "Unknown section key 'colour'"
            },
            {
                "unknown field key",
                With("        help: Tell it.", "        help: Tell it.\n        hint: Go on."),
                13,
                "Unknown field key 'hint'"
            },
            {
                "table without columns",
                With("        columns: [Strand, Purpose]\n", ""),
                15,
                "The table field 'outcomes' needs 'columns'"
            },
            {
                "table with empty columns",
                With("columns: [Strand, Purpose]", "columns: []"),
                17,
                "The table field 'outcomes' needs 'columns'"
            },
            {
                "choice without options",
                With("        options: [Early, Growing]\n", ""),
                19,
                "The choice field 'stage' needs 'options'"
            },
            {
                "choice with one option",
                With("options: [Early, Growing]", "options: [Early]"),
                21,
                "at least two answers"
            },
            {
                "columns on a long-text",
                With("        help: Tell it.", "        help: Tell it.\n        columns: [A, B]"),
                13,
                "'columns' only applies to table fields; 'story' is a long-text field."
            },
            {
                "options on a table",
                With(
                    "        columns: [Strand, Purpose]",
                    "        columns: [Strand, Purpose]\n        options: [A, B]"
                ),
                18,
                "'options' only applies to choice, values and practices fields; 'outcomes' is a table field."
            },
            {
                "multiple on a table",
                With(
                    "        columns: [Strand, Purpose]",
                    "        columns: [Strand, Purpose]\n        multiple: true"
                ),
                18,
                "'multiple' only applies to choice fields"
            },
            {
                "multiple not a bool",
                With("options: [Early, Growing]", "options: [Early, Growing]\n        multiple: often"),
                22,
                "'multiple' must be true or false, not 'often'"
            },
            {
                "unknown charter section",
                With("charter: stakeholders", "charter: people"),
                25,
                "Unknown charter section 'people'. Use one of: background, values, vision, mission, stakeholders, "
                    + "pathways, openness, roadmap, success, impact, ways-of-working, code-of-conduct, response-process."
            },
            {
                "over-long title",
                With("title: Sample worksheet", "title: " + new string('a', 201)),
                3,
                "'title' is 201 characters long; the limit is 200."
            },
            {
                "over-long help",
                With("help: Tell it.", "help: " + new string('a', 2001)),
                12,
                "'help' is 2001 characters long; the limit is 2000."
            },
            {
                "over-long prompt",
                With("How did it start?", new string('a', 501)),
                13,
                "An item of 'prompts' is 501 characters long; the limit is 500."
            },
            {
                "duplicate column",
                With("columns: [Strand, Purpose]", "columns: [Strand, Strand]"),
                17,
                "'Strand' appears twice in 'columns'"
            },
            { "label a list", With("label: The story", "label: [The, story]"), 11, "'label' must be text" },
            {
                "section without fields",
                With("    intro: Start here.\n    fields:", "    intro: Start here.\n    fields: []\n    other:"),
                8,
                "needs a 'fields' list"
            },
            {
                "field not a mapping",
                With(
                    "      - id: people\n        type: stakeholder-map\n        label: Stakeholders\n        "
                        + "charter: stakeholders",
                    "      - people"
                ),
                22,
                "Each field needs"
            },
            {
                "over the size limit",
                Valid + "\n# " + new string('a', TemplateParser.MaxFileBytes),
                1,
                "larger than 100 KB"
            },
        };

    [Theory, MemberData(nameof(Malformed))]
    public void Parse_MalformedTemplate_ReportsLineAndReason(string name, string source, int line, string fragment)
    {
        var (template, errors) = TemplateParser.Parse("bad.template.yml", source);
        Assert.Null(template);
        Assert.True(
            errors.Any(e => e.Message.Contains(fragment)),
            $"{name}: expected '{fragment}' in: {string.Join(" | ", errors)}"
        );
        var error = errors.First(e => e.Message.Contains(fragment));
        Assert.Equal("bad.template.yml", error.File);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"bad.template.yml, line {line}: ", error.ToString());
    }

    [Fact]
    public void Parse_SeveralProblems_ListsEveryOne()
    {
        var source = With("slug: sample", "slug: Bad Slug")
            .Replace("type: long-text", "type: essay")
            .Replace("        columns: [Strand, Purpose]\n", "")
            .Replace("charter: stakeholders", "charter: people");
        var (template, errors) = TemplateParser.Parse("many.template.yml", source);
        Assert.Null(template);
        Assert.Equal([1, 10, 15, 24], errors.Select(e => e.Line).Order());
    }

    [Fact]
    public void Parse_ValidTemplate_ReadsEveryField()
    {
        var (template, errors) = TemplateParser.Parse("ok.template.yml", Valid);
        Assert.Empty(errors);
        Assert.Equal(
            ("sample", "sample-lesson", "Sample worksheet", "What this is for."),
            (template!.Slug, template.Lesson, template.Title, template.Intro)
        );
        var section = Assert.Single(template.Sections);
        Assert.Equal(("First section", "Start here."), (section.Title, section.Intro));
        Assert.Equal(["story", "outcomes", "stage", "people"], template.Fields.Select(f => f.Id));
        var story = template.Field("story")!;
        Assert.Equal((FieldTypes.LongText, "The story", "Tell it."), (story.Type, story.Label, story.Help));
        Assert.Equal(["How did it start?", "Who was there?"], story.Prompts);
        Assert.Equal(["Strand", "Purpose"], template.Field("outcomes")!.Columns);
        Assert.Equal(["Early", "Growing"], template.Field("stage")!.Options);
        Assert.False(template.Field("stage")!.Multiple);
        Assert.Equal(CharterSections.Stakeholders, template.Field("people")!.Charter);
        Assert.Null(story.Charter);
    }

    [Fact]
    public void Parse_WindowsLineEndingsBomAndBlockText_AreAccepted()
    {
        var source =
            "\uFEFF" + With("intro: What this is for.", "intro: >-\n  What this\n  is for.").Replace("\n", "\r\n");
        var (template, errors) = TemplateParser.Parse("crlf.template.yml", source);
        Assert.Empty(errors);
        Assert.Equal("What this is for.", template!.Intro);
    }

    [Fact]
    public void Parse_MultipleChoiceAndValuesOptions_AreAccepted()
    {
        var source = With("options: [Early, Growing]", "options: [Early, Growing]\n        multiple: true")
            .Replace("type: stakeholder-map", "type: values\n        options: [Care, Openness, Rigour]")
            .Replace("charter: stakeholders", "charter: values");
        var (template, errors) = TemplateParser.Parse("ok.template.yml", source);
        Assert.Empty(errors);
        Assert.True(template!.Field("stage")!.Multiple);
        Assert.Equal(["Care", "Openness", "Rigour"], template.Field("people")!.Options);
    }

    [Theory]
    [InlineData("a.template.yml", true)]
    [InlineData("01-cop-basics.TEMPLATE.YML", true)]
    [InlineData("curriculum.yml", false)]
    [InlineData("template.md", false)]
    public void IsTemplateFile_MatchesOnlyTemplateFiles(string name, bool expected) =>
        Assert.Equal(expected, TemplateParser.IsTemplateFile(name));

    /// <summary>Each shipped template with one line dropped, or cut short after a line: always errors or a template,
    /// never a crash.</summary>
    [Fact]
    public void Parse_ShippedTemplatesWithALineDroppedOrCutShort_NeverThrow()
    {
        foreach (var path in Directory.EnumerateFiles(RepoPaths.Foundations, "*" + TemplateParser.Suffix))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (
                    var source in new[]
                    {
                        string.Join('\n', lines.Where((_, j) => j != i)),
                        string.Join('\n', lines[..i]),
                    }
                )
                {
                    var (template, errors) = TemplateParser.Parse("x.template.yml", source);
                    Assert.True(template is not null ^ errors.Count > 0, $"{Path.GetFileName(path)} line {i + 1}");
                    Assert.All(errors, e => Assert.InRange(e.Line, 1, lines.Length + 1));
                }
            }
        }
    }
}
