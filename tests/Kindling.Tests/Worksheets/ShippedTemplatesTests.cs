using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;

namespace Kindling.Tests.Worksheets;

/// <summary>The four assignment templates shipped with the built-in curriculum: what "Make a copy" gives
/// participants.</summary>
public class ShippedTemplatesTests
{
    private static WorksheetTemplate Parse(string file)
    {
        var (template, errors) = TemplateParser.Parse(
            file,
            File.ReadAllText(Path.Combine(RepoPaths.Foundations, file))
        );
        Assert.True(errors.Count == 0, string.Join("; ", errors));
        return template!;
    }

    private static IReadOnlyList<WorksheetTemplate> All =>
        [
            Parse("01-community-narrative.template.yml"),
            Parse("02-cop-basics.template.yml"),
            Parse("03-community-engagement.template.yml"),
            Parse("04-community-charter.template.yml"),
        ];

    /// <summary>The types the four core templates use: every type but those made for the further modules' worksheets
    /// (open practices, event planning), which their own templates use.</summary>
    private static IEnumerable<string> CoreTypes =>
        FieldTypes.All.Except([FieldTypes.Practices, FieldTypes.EventTimeline]);

    private static void AssertField(WorksheetTemplate t, string id, string type, string? charter = null)
    {
        var field = t.Field(id);
        Assert.True(field is not null, $"{t.Slug} has no field '{id}'");
        Assert.Equal((type, charter), (field.Type, field.Charter));
        Assert.False(string.IsNullOrWhiteSpace(field.Label));
    }

    [Fact]
    public void CommunityBackground_HasStoryInterviewsPurposeSkillsNextStepAndResources()
    {
        var t = Parse("01-community-narrative.template.yml");
        Assert.Equal(("community-background", "community-narrative"), (t.Slug, t.Lesson));
        AssertField(t, "origin-story", FieldTypes.LongText, CharterSections.Background);
        AssertField(t, "founders", FieldTypes.List, CharterSections.Background);
        AssertField(t, "why-community", FieldTypes.LongText, CharterSections.Background);
        AssertField(t, "motivation", FieldTypes.LongText, CharterSections.Background);
        AssertField(t, "interviews", FieldTypes.Table);
        AssertField(t, "interviews-by", FieldTypes.Date);
        AssertField(t, "purpose", FieldTypes.Text, CharterSections.Background);
        AssertField(t, "stage", FieldTypes.Choice, CharterSections.Background);
        AssertField(t, "skills", FieldTypes.Skills);
        AssertField(t, "next-step", FieldTypes.LongText);
        AssertField(t, "resources", FieldTypes.List);
    }

    [Fact]
    public void CopBasics_HasPurposeTableStakeholderMapPrioritisationResourcesAndChannels()
    {
        var t = Parse("02-cop-basics.template.yml");
        Assert.Equal(("cop-basics", "cop-basics"), (t.Slug, t.Lesson));
        AssertField(t, "purpose-outcomes", FieldTypes.Table);
        Assert.Equal(["Strand of work", "Purpose", "Expected outcomes"], t.Field("purpose-outcomes")!.Columns);
        AssertField(t, "stakeholders", FieldTypes.StakeholderMap, CharterSections.Stakeholders);
        AssertField(t, "prioritisation", FieldTypes.LongText);
        AssertField(t, "resources", FieldTypes.List);
        AssertField(t, "channels", FieldTypes.Channels);
    }

    [Fact]
    public void ParticipationAndEngagement_HasInformationMapMountainAndValueExchange()
    {
        var t = Parse("03-community-engagement.template.yml");
        Assert.Equal(("participation-engagement", "community-engagement"), (t.Slug, t.Lesson));
        AssertField(t, "information-map", FieldTypes.Table);
        AssertField(t, "mountain", FieldTypes.Mountain, CharterSections.Pathways);
        AssertField(t, "value-exchange", FieldTypes.Table);
        Assert.Equal(
            ["Group of participants", "What they give", "What they get", "How they are recognised"],
            t.Field("value-exchange")!.Columns
        );
        Assert.True(t.Field("recognition-now")!.Multiple);
    }

    [Fact]
    public void Charter_FeedsEveryCharterSectionFromTheRightTool()
    {
        var t = Parse("04-community-charter.template.yml");
        Assert.Equal(("vision-mission-charter", "community-charter"), (t.Slug, t.Lesson));
        AssertField(t, "values", FieldTypes.Values, CharterSections.Values);
        AssertField(t, "vision", FieldTypes.LongText, CharterSections.Vision);
        AssertField(t, "mission", FieldTypes.LongText, CharterSections.Mission);
        AssertField(t, "roadmap", FieldTypes.Roadmap, CharterSections.Roadmap);
        AssertField(t, "success", FieldTypes.Success, CharterSections.Success);
        AssertField(t, "ways-of-working", FieldTypes.LongText, CharterSections.WaysOfWorking);
        AssertField(t, "code-of-conduct", FieldTypes.LongText, CharterSections.CodeOfConduct);
        Assert.Equal(3, t.Field("vision")!.Prompts.Count);
        Assert.Equal(3, t.Field("mission")!.Prompts.Count);
    }

    [Fact]
    public void AllFour_UseEveryFieldTypeAndFeedEveryCharterSection()
    {
        var fields = All.SelectMany(t => t.Fields).ToList();
        Assert.Equal(CoreTypes.Order(), fields.Select(f => f.Type).Distinct().Order());
        Assert.Equal(CharterSections.Core.Order(), fields.Select(f => f.Charter).OfType<string>().Distinct().Order());
        Assert.All(
            fields.Where(f => FieldTypes.IsFramework(f.Type) || f.Type == FieldTypes.LongText),
            f => Assert.True(f.Help.Length > 0 || f.Prompts.Count > 0, $"{f.Id} gives no guidance")
        );
    }

    [Fact]
    public void FoundationsLessons_LinkToTheirTemplates()
    {
        var (package, errors) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(RepoPaths.Foundations));
        Assert.Empty(errors);
        Assert.Equal(4, package!.Templates.Count);
        var links = package
            .Lessons.Where(l => l.Lesson.Assignment?.Template is not null)
            .Select(l => (l.Lesson.Slug, l.Lesson.Assignment!.Template))
            .ToList();
        Assert.Equal(
            [
                ("community-narrative", "community-background"),
                ("cop-basics", "cop-basics"),
                ("community-engagement", "participation-engagement"),
                ("community-charter", "vision-mission-charter"),
            ],
            links
        );
        Assert.All(
            package.Templates,
            t => Assert.Contains(links, l => l.Slug == t.Template.Lesson && l.Template == t.Template.Slug)
        );
    }
}
