using Kindling.Web.Features.Curricula;
using Kindling.Web.Kernel;

namespace Kindling.Tests.Curricula;

public class LessonParserTests
{
    /// <summary>A valid ready lesson; each malformed case changes one thing. Line numbers are lines of this
    /// file.</summary>
    private const string Valid = """
        ---
        slug: sample
        order: 1
        title: Sample lesson
        status: ready
        activities:
          - kind: roll-call
            title: Roll call
            minutes: 5
        ---
        Some **text**.
        """;

    private static string With(string find, string replace)
    {
        Assert.Contains(find, Valid);
        return Valid.Replace(find, replace);
    }

    public static TheoryData<string, string, int, string> Malformed() =>
        new()
        {
            { "no opening ---", With("---\nslug", "slug"), 1, "must start with a line '---'" },
            { "unclosed front matter", With("---\nSome", "Some"), 1, "never closed" },
            { "unclosed quote", With("title: Sample lesson", "title: \"Sample lesson"), 4, "not valid YAML" },
            { "bad indentation", With("    title: Roll call", "      title: Roll call"), 8, "not valid YAML" },
            { "tab indentation", With("order: 1", "order:\t1\n\tx: 1"), 3, "not valid YAML" },
            // YamlDotNet throws InvalidOperationException / ArgumentException for these, and recurses forever on the
            // last two.
            {
                "only document ends",
                With(
                    "slug: sample\norder: 1\ntitle: Sample lesson\nstatus: ready\nactivities:\n  - kind: roll-call\n "
                        + "   title: Roll call\n    minutes: 5",
                    "...\n..."
                ),
                2,
                "not valid YAML"
            },
            { "empty verbatim tag", With("title: Sample lesson", "title: !<> Sample lesson"), 4, "not valid YAML" },
            { "self-referring alias", With("title: Sample lesson", "title: &t [*t]"), 4, "Anchors aren't supported" },
            { "self-referring key", With("title: Sample lesson", "? &k [*k]\n: x"), 4, "Anchors aren't supported" },
            {
                "nested too deeply",
                With("title: Sample lesson", "title: " + new string('[', 40) + new string(']', 40)),
                4,
                "more than 20 levels deep"
            },
            { "missing title", With("title: Sample lesson\n", ""), 2, "'title' is required" },
            { "empty slug", With("slug: sample", "slug: \"\""), 2, "'slug' is required" },
            {
                "bad slug characters",
                With("slug: sample", "slug: Sample_Lesson"),
                2,
                "'slug' must be lower-case letters"
            },
            {
                "order not a number",
                With("order: 1", "order: first"),
                3,
                "'order' must be a whole number from 1 to 999, not 'first'"
            },
            {
                "order out of range",
                With("order: 1", "order: 1000"),
                3,
                "'order' must be a whole number from 1 to 999"
            },
            { "unknown status", With("status: ready", "status: draft"), 5, "'status' must be 'ready' or 'planned'" },
            {
                "unknown top-level key",
                With("status: ready", "status: ready\ncolour: red"),
                6,
                "Unknown lesson key 'colour'"
            },
            // The same words as every curriculum file (YamlReader).
            { "key not text", With("status: ready", "status: ready\n[a]: red"), 6, "Unknown lesson key '(not text)'" },
            { "title a list", With("title: Sample lesson", "title: [a, b]"), 4, "'title' must be text, not a list" },
            {
                "over-long title",
                With("title: Sample lesson", "title: " + new string('a', 201)),
                4,
                "'title' is 201 characters long; the limit is 200."
            },
            { "unknown activity kind", With("kind: roll-call", "kind: lecture"), 7, "Unknown activity kind 'lecture'" },
            { "minutes 0", With("minutes: 5", "minutes: 0"), 9, "'minutes' must be a whole number from 1 to 180" },
            { "minutes 500", With("minutes: 5", "minutes: 500"), 9, "'minutes' must be a whole number from 1 to 180" },
            {
                "recorded discussion",
                With(
                    "kind: roll-call\n    title: Roll call\n    minutes: 5",
                    "kind: open-discussion\n    title: Talk\n    minutes: 5\n    recordable: true"
                ),
                10,
                "discussion is never recorded"
            },
            {
                "prompts not a list",
                With("minutes: 5", "minutes: 5\n    prompts: Say hello"),
                10,
                "'prompts' must be a list"
            },
            {
                "javascript: reading",
                With("status: ready", "status: ready\nreadings:\n  - title: Bad\n    url: javascript:alert(1)"),
                8,
                "must start with https://"
            },
            {
                "reading without url",
                With("status: ready", "status: ready\nreadings:\n  - title: Bad"),
                7,
                "'url' is required"
            },
            {
                "epigraph not a mapping",
                With("status: ready", "status: ready\nepigraph: Just a quote"),
                6,
                "'epigraph' must be a group"
            },
            {
                "ready without activities",
                With("activities:\n  - kind: roll-call\n    title: Roll call\n    minutes: 5\n", ""),
                1,
                "needs an 'activities' list"
            },
            {
                "silent presentation",
                With("kind: roll-call", "kind: presentation\n    silent: true"),
                8,
                "cannot run as a silent round"
            },
            { "silent not a bool", With("minutes: 5", "minutes: 5\n    silent: quietly"), 10, "'silent' must be true" },
            {
                "over-long choice",
                With("minutes: 5", "minutes: 5\n    pick_from: [Kindness, " + new string('a', 81) + "]"),
                10,
                "the limit is 80"
            },
            { "repeated choice", With("minutes: 5", "minutes: 5\n    pick_from: [Care, Care]"), 10, "appears twice" },
            {
                "two share slots",
                With(
                    "    minutes: 5\n",
                    "    minutes: 5\n  - kind: share\n    title: A\n    minutes: 5\n"
                        + "  - kind: share\n    title: B\n    minutes: 5\n"
                ),
                6,
                "at most one 'share' activity"
            },
            { "http slides", With("status: ready", "status: ready\nslides: http://x.org/s"), 6, "'slides' must be" },
            {
                "credit without licence link",
                With(
                    "status: ready",
                    "status: ready\ncredit:\n  title: T\n  author: A\n  source: https://x.org\n  licence: CC BY 4.0"
                ),
                7,
                "'licence_url' is required"
            },
            {
                "unknown credit key",
                With("status: ready", "status: ready\ncredit:\n  title: T\n  year: 2023"),
                8,
                "Unknown credit key 'year'"
            },
            {
                "over the size limit",
                Valid + "\n" + new string('a', LessonParser.MaxFileBytes),
                1,
                "larger than 200 KB"
            },
            { "2000 nested quotes", Valid + "\n" + new string('>', 2000) + " deep", 11, "nested too deeply" },
            { "300 nested list levels", Valid + "\n" + NestedList(300), 11, "nested too deeply" },
        };

    private static string NestedList(int depth) =>
        string.Join('\n', Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "- item"));

    [Theory, MemberData(nameof(Malformed))]
    public void Parse_MalformedLesson_ReportsLineAndReason(string name, string source, int line, string fragment)
    {
        var (lesson, error) = LessonParser.Parse("bad.md", source);
        Assert.Null(lesson);
        Assert.True(error is not null, $"{name}: expected an error");
        Assert.Equal("bad.md", error.File);
        Assert.Contains(fragment, error.Message);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"bad.md, line {line}: ", error.ToString());
    }

    [Fact]
    public void Parse_ValidLesson_ReadsEveryField()
    {
        var (lesson, error) = LessonParser.Parse("ok.md", Valid);
        Assert.Null(error);
        Assert.Equal(
            ("sample", 1, "Sample lesson", "ready"),
            (lesson!.Slug, lesson.Order, lesson.Title, lesson.Status)
        );
        Assert.Equal("roll-call", Assert.Single(lesson.Activities).Kind);
        Assert.Equal("Some **text**.", lesson.Body);
    }

    [Fact]
    public void Parse_SlidesCreditSilenceChoicesAndShare_AreRead()
    {
        var source = With(
                "status: ready",
                """
                status: ready
                slides: https://slides.example.org/deck
                credit:
                  title: Original training
                  author: A. Author
                  source: https://example.org/training
                  licence: CC BY 4.0
                  licence_url: https://creativecommons.org/licenses/by/4.0/
                  changes: Reworded.
                """
            )
            .Replace(
                "    minutes: 5\n",
                """
                    minutes: 5
                    silent: true
                    pick_from: [Kindness, Curiosity]
                  - kind: share
                    title: Share
                    minutes: 10
                  - kind: silent-notes
                    title: Quiet
                    minutes: 5
                  - kind: silent-notes
                    title: Out loud
                    minutes: 5
                    silent: false

                """
            );

        var (lesson, error) = LessonParser.Parse("sample.md", source);

        Assert.Null(error);
        Assert.Equal("https://slides.example.org/deck", lesson!.Slides);
        Assert.Equal(
            new Credit(
                "Original training",
                "A. Author",
                "https://example.org/training",
                "CC BY 4.0",
                "https://creativecommons.org/licenses/by/4.0/",
                "Reworded."
            ),
            lesson.Credit
        );
        Assert.Equal([true, false, true, false], lesson.Activities.Select(a => a.Silent));
        Assert.Equal(["Kindness", "Curiosity"], lesson.Activities[0].Choices);
        Assert.Empty(lesson.Activities[1].Choices);
        Assert.Equal("Share", lesson.Share!.Title);
        Assert.Equal(25, lesson.PlannedMinutes);
    }

    [Fact]
    public void Parse_RepeatedPromptsAndKeyLessons_AreKept()
    {
        var source = With("    minutes: 5", "    minutes: 5\n    prompts: [Why?, Why?]\nkey_lessons: [Listen, Listen]");

        var (lesson, error) = LessonParser.Parse("repeats.md", source);

        Assert.Null(error);
        Assert.Equal(["Why?", "Why?"], Assert.Single(lesson!.Activities).Prompts);
        Assert.Equal(["Listen", "Listen"], lesson.KeyLessons);
    }

    [Fact]
    public void Parse_PlannedLessonWithoutActivities_IsAccepted()
    {
        var source = With(
            "status: ready\nactivities:\n  - kind: roll-call\n    title: Roll call\n    minutes: 5\n",
            "status: planned\n"
        );
        var (lesson, error) = LessonParser.Parse("planned.md", source);
        Assert.Null(error);
        Assert.True(lesson!.IsPlanned);
    }

    [Fact]
    public void Parse_WindowsLineEndingsAndBom_AreAccepted()
    {
        var (lesson, error) = LessonParser.Parse("crlf.md", "\uFEFF" + Valid.Replace("\n", "\r\n"));
        Assert.Null(error);
        Assert.Equal("sample", lesson!.Slug);
    }
}
