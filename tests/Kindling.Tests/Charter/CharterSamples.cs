using System.Text.Json;
using Kindling.Domain;
using Kindling.Web.Features.Charter;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.Tests.Charter;

/// <summary>Worksheets built by hand, as "make a copy" would store them, with every kind of field that feeds a
/// charter.</summary>
public static class CharterSamples
{
    public static readonly DateTime Now = new(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);

    public static TemplateField Field(string id, string type, string label, string? charter, params string[] columns) =>
        new(id, type, label, "", [], columns, [], false, charter);

    public static WorksheetTemplate Template(string slug, string title, params TemplateField[] fields) =>
        new(slug, "community-charter", title, "", [new TemplateSection("Main", "", fields)]);

    public static Worksheet Sheet(WorksheetTemplate template, DateTime updated, Action<WorksheetData> fill)
    {
        var data = WorksheetData.Empty();
        fill(data);
        return new Worksheet
        {
            ProjectId = Guid.NewGuid(),
            TemplateSlug = template.Slug,
            LessonSlug = template.Lesson,
            Title = template.Title,
            TemplateJson = JsonSerializer.Serialize(template, WorksheetData.Json),
            DataJson = data.ToJson(),
            CreatedUtc = updated.AddDays(-1),
            UpdatedUtc = updated,
        };
    }

    /// <summary>The charter assignment: one field for every charter section.</summary>
    public static WorksheetTemplate Full =>
        Template(
            "charter",
            "Vision, mission and roadmap",
            Field("story", FieldTypes.LongText, "Our story", CharterSections.Background),
            Field("values", FieldTypes.Values, "Core values", CharterSections.Values),
            Field("vision", FieldTypes.LongText, "Vision", CharterSections.Vision),
            Field("mission", FieldTypes.LongText, "Mission", CharterSections.Mission),
            Field("stakeholders", FieldTypes.StakeholderMap, "Stakeholder map", CharterSections.Stakeholders),
            Field("mountain", FieldTypes.Mountain, "Mountain of engagement", CharterSections.Pathways),
            Field("roadmap", FieldTypes.Roadmap, "Milestones", CharterSections.Roadmap),
            Field("success", FieldTypes.Success, "Definition of success", CharterSections.Success),
            Field("ways", FieldTypes.List, "How we work together", CharterSections.WaysOfWorking),
            Field(
                "conduct",
                FieldTypes.Table,
                "Our agreements",
                CharterSections.CodeOfConduct,
                "Agreement",
                "Why it matters"
            ),
            Field("notes", FieldTypes.Text, "Notes", null)
        );

    public static Worksheet FullSheet(DateTime updated) =>
        Sheet(
            Full,
            updated,
            d =>
            {
                d.Set("story", "Two mechanics opened the shed to neighbours in 2021.");
                d.Set(
                    "values",
                    new CoreValues(
                        ["Openness", "Care", "Curiosity"],
                        "Care",
                        "We look after each other's time and energy.",
                        ["Meetings end on time", "Newcomers get a buddy"]
                    )
                );
                d.Set("vision", "A river town where every neighbour can fix a bike.");
                d.Set("mission", "We run weekly repair evenings and teach anyone who comes.");
                d.Set(
                    "stakeholders",
                    new List<Stakeholder>
                    {
                        new("Town council", "Funder", "Grants the hall", 9, 8),
                        new("Bike shop", "Partner", "Donates parts", 7, 3),
                        new("Students", "Members", "Come to evenings", 2, 9),
                    }
                );
                d.Set(
                    "mountain",
                    new List<MountainLevel>
                    {
                        new(
                            "First contact",
                            "Passers-by",
                            "Read the flyer",
                            "A friendly welcome",
                            "Attention",
                            "A free check-up",
                            "A sticker"
                        ),
                        new(
                            "Leadership",
                            "Organisers",
                            "Run the evenings",
                            "",
                            "Time",
                            "Skills",
                            "Named on the website"
                        ),
                    }
                );
                d.Set(
                    "roadmap",
                    new List<Milestone>
                    {
                        new("Second venue", "2027-09-01", "Open on the east side", "Volunteers", "No hall"),
                        new("First workshop", "2027-02-15", "Ten people trained", "Tools", "Low turnout"),
                    }
                );
                d.Set("success", new SuccessDefinition("Forty regulars", "Two venues", "Self-funded"));
                d.Set("ways", new List<string> { "Decisions by consent", "Notes shared within a day" });
                d.Set(
                    "conduct",
                    new List<List<string>>
                    {
                        new() { "Be patient", "Everyone starts somewhere" },
                    }
                );
                d.Set("notes", "Ask the library about a second venue");
            }
        );

    /// <summary>Every piece of text a person wrote in <see cref="FullSheet"/> that the charter should carry.</summary>
    public static readonly string[] WrittenValues =
    [
        "Two mechanics opened the shed to neighbours in 2021.",
        "Ask the library about a second venue",
        "Openness",
        "Care",
        "Curiosity",
        "We look after each other's time and energy.",
        "Meetings end on time",
        "Newcomers get a buddy",
        "A river town where every neighbour can fix a bike.",
        "We run weekly repair evenings and teach anyone who comes.",
        "Town council",
        "Funder",
        "Grants the hall",
        "Bike shop",
        "Donates parts",
        "Students",
        "Come to evenings",
        "First contact",
        "Passers-by",
        "Read the flyer",
        "A friendly welcome",
        "A free check-up",
        "A sticker",
        "Organisers",
        "Run the evenings",
        "Named on the website",
        "Second venue",
        "Open on the east side",
        "No hall",
        "First workshop",
        "Ten people trained",
        "Low turnout",
        "Forty regulars",
        "Two venues",
        "Self-funded",
        "Decisions by consent",
        "Notes shared within a day",
        "Be patient",
        "Everyone starts somewhere",
    ];

    public static CharterDocument FullCharter() =>
        CharterCompiler.Compile(
            "Riverside Bike Kitchen",
            "A community bike workshop.",
            [FullSheet(Now.AddDays(-2))],
            [],
            Now
        );

    /// <summary>A small picture with one of each shape, for painting tests and as a stand-in for the framework
    /// renderers.</summary>
    public static Diagram Picture(string title = "Test picture") =>
        new(
            400,
            200,
            title,
            "A red block on the left, a blue dot on the right.",
            [
                new RectShape(0, 0, 200, 200, "#d01010"),
                new GroupShape([new CircleShape(300, 100, 40, "#1030d0", "#000000", 2)]),
                new LineShape(0, 199, 400, 199, "#000000", 1, Dashed: true),
                new PolygonShape([(210, 10), (250, 10), (230, 40)], "#10a010"),
                new TextShape(300, 180, "Label ✓ 😀", 14, "#000000", TextAnchor.Middle, Bold: true),
            ]
        );
}
