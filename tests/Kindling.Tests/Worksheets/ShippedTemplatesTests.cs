using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;

namespace Kindling.Tests.Worksheets;

/// <summary>The eight assignment templates shipped with the built-in curriculum: what "Make a copy" gives
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
            Parse("05-open-science-framework.template.yml"),
            Parse("06-facilitating-events.template.yml"),
            Parse("07-impact-assessment.template.yml"),
            Parse("08-conflict-management.template.yml"),
        ];

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
    public void OpenPractices_StartsFromEightPracticesAndFeedsOpenPractices()
    {
        var t = Parse("05-open-science-framework.template.yml");
        Assert.Equal(("open-practices", "open-science-framework"), (t.Slug, t.Lesson));
        AssertField(t, "practices", "practices", CharterSections.Openness);
        var practices = t.Field("practices")!.Options;
        Assert.Equal(8, practices.Count);
        Assert.Contains("A licence for code", practices);
        Assert.Contains("A code of conduct with a way to report concerns", practices);
        AssertField(t, "not-yet-included", FieldTypes.LongText, CharterSections.Openness);
        Assert.Equal(
            "Who is not yet able to take part, and what would change that?",
            t.Field("not-yet-included")!.Label
        );
        AssertField(t, "kept-private", FieldTypes.LongText, CharterSections.Openness);
    }

    [Fact]
    public void EventPlan_HasPurposeFormatAccessRolesConductTimelineAndSuccess_AndStaysOutOfTheCharterSections()
    {
        var t = Parse("06-facilitating-events.template.yml");
        Assert.Equal(("event-plan", "facilitating-events"), (t.Slug, t.Lesson));
        AssertField(t, "purpose-audience", FieldTypes.LongText);
        AssertField(t, "format", FieldTypes.Choice);
        Assert.Equal(["Online", "In person", "Hybrid"], t.Field("format")!.Options);
        Assert.False(t.Field("format")!.Multiple);
        AssertField(t, "accessibility", FieldTypes.List);
        AssertField(t, "roles", FieldTypes.Table);
        Assert.Equal(["Role", "Person", "Responsibilities"], t.Field("roles")!.Columns);
        AssertField(t, "conduct", FieldTypes.LongText);
        AssertField(t, "timeline", "event-timeline");
        AssertField(t, "success-signs", FieldTypes.List);
        Assert.All(t.Fields, f => Assert.Null(f.Charter));
    }

    [Fact]
    public void ImpactIndicators_FeedMeasuringImpact()
    {
        var t = Parse("07-impact-assessment.template.yml");
        Assert.Equal(("impact-indicators", "impact-assessment"), (t.Slug, t.Lesson));
        AssertField(t, "indicators", "indicators", CharterSections.Impact);
        AssertField(t, "report-audience", FieldTypes.LongText, CharterSections.Impact);
        AssertField(t, "stories", FieldTypes.List, CharterSections.Impact);
    }

    [Fact]
    public void ResponseProcess_FeedsRespondingToConcernsFromRouteToResponderSupport()
    {
        var t = Parse("08-conflict-management.template.yml");
        Assert.Equal(("response-process", "conflict-management"), (t.Slug, t.Lesson));
        AssertField(t, "reporting-route", FieldTypes.LongText, CharterSections.ResponseProcess);
        AssertField(t, "responders", FieldTypes.Table, CharterSections.ResponseProcess);
        Assert.Equal(["Role", "Person or group", "Backup"], t.Field("responders")!.Columns);
        AssertField(t, "steps", FieldTypes.List, CharterSections.ResponseProcess);
        AssertField(t, "restorative-options", FieldTypes.List, CharterSections.ResponseProcess);
        AssertField(t, "follow-up", FieldTypes.LongText, CharterSections.ResponseProcess);
        AssertField(t, "responder-support", FieldTypes.LongText, CharterSections.ResponseProcess);
    }

    [Fact]
    public void AllEight_UseEveryFieldTypeAndFeedEveryCharterSection()
    {
        var fields = All.SelectMany(t => t.Fields).ToList();
        Assert.Equal(FieldTypes.All.Order(), fields.Select(f => f.Type).Distinct().Order());
        Assert.Equal(CharterSections.All.Order(), fields.Select(f => f.Charter).OfType<string>().Distinct().Order());
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
        Assert.Equal(8, package!.Templates.Count);
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
                ("open-science-framework", "open-practices"),
                ("facilitating-events", "event-plan"),
                ("impact-assessment", "impact-indicators"),
                ("conflict-management", "response-process"),
            ],
            links
        );
        Assert.All(
            package.Templates,
            t => Assert.Contains(links, l => l.Slug == t.Template.Lesson && l.Template == t.Template.Slug)
        );
    }
}
