using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Kernel;

namespace Kindling.Tests.Curricula;

/// <summary>The four core sessions of the built-in curriculum, as the seed runs them: an hour each, a ten-minute
/// share slot after the roll call from session 2 on, session 4's silent values round, the credit on every file, and
/// readings people can open.</summary>
public class CoreLessonsTests
{
    private static readonly string[] Core =
    [
        "community-narrative",
        "cop-basics",
        "community-engagement",
        "community-charter",
    ];

    private static readonly Lazy<CurriculumPackage> Package = new(() =>
    {
        var (package, errors) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(RepoPaths.Foundations));
        Assert.Empty(errors);
        return package!;
    });

    private static LessonDocument Lesson(string slug) =>
        Package.Value.Lessons.Single(l => l.Lesson.Slug == slug).Lesson;

    public static TheoryData<string> CoreSlugs() => new(Core);

    [Theory, MemberData(nameof(CoreSlugs))]
    public void CoreLesson_AgendaAddsUpToTheHour(string slug) => Assert.Equal(60, Lesson(slug).PlannedMinutes);

    [Fact]
    public void SessionsTwoToFour_ShareInsightsForTenMinutesRightAfterTheRollCall()
    {
        Assert.Null(Lesson("community-narrative").Share);
        foreach (var slug in Core[1..])
        {
            var activities = Lesson(slug).Activities;
            Assert.Equal(("roll-call", ActivityKinds.Share), (activities[0].Kind, activities[1].Kind));
            Assert.Equal(10, activities[1].Minutes);
            Assert.False(activities[1].Recordable);
            Assert.Contains(activities[1].Prompts, p => p.Contains("link", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void SessionFour_OpensWithFiveSilentMinutesOnCoreValues_ThenSharesThemAndTheDocumentsPeopleBrought()
    {
        var lesson = Lesson("community-charter");
        var rollCall = lesson.RollCall!;
        Assert.Equal((5, true), (rollCall.Minutes, rollCall.Silent));
        Assert.InRange(rollCall.Choices.Count, 40, 60);
        Assert.Equal(rollCall.Choices.Count, rollCall.Choices.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(rollCall.Choices, c => Assert.InRange(c.Length, 1, 80));
        Assert.Contains("Transparency", rollCall.Choices);

        var values = lesson.Activities.Single(a => a.Title == "Values and your work");
        Assert.False(values.Silent); // the sharing happens in the open, after the silent round is revealed
        Assert.Contains(values.Prompts, p => p.Contains("roll call"));
        var documents = lesson.Activities.Single(a => a.Title == "Community documents you brought");
        Assert.Equal("open-discussion", documents.Kind);
        Assert.Equal(3, documents.Prompts.Count);
        Assert.Contains(lesson.Activities, a => a.Kind == "presentation" && a.Recordable);
    }

    [Fact]
    public void SessionThree_AsksPeopleToBringACommunityDocumentToSessionFour()
    {
        var lesson = Lesson("community-engagement");
        Assert.Contains("session 4", lesson.Assignment!.Summary);
        Assert.Contains("## Before the next session: bring a community document", lesson.Body);
    }

    [Fact]
    public void SessionOne_TellsAndComparesThreeStories()
    {
        var lesson = Lesson("community-narrative");
        Assert.Contains("## Three stories of growth", lesson.Body);
        Assert.Contains("**A partnership between a university and a company.**", lesson.Body);
        var comparing = lesson.Activities.Single(a => a.Title == "Comparing the three stories");
        Assert.All(comparing.Prompts.Take(2), p => Assert.Contains("three stories", p));
    }

    [Theory, MemberData(nameof(CoreSlugs))]
    public void CoreLesson_FeedbackAsksForTheMainTakeawayAndWhatIsUnclear(string slug)
    {
        var feedback = Lesson(slug).Activities.Single(a => a.Kind == "feedback");
        Assert.Contains(feedback.Prompts, p => p.Contains("take") && p.Contains("unclear"));
    }

    [Fact]
    public void EveryLessonAndTemplateFile_CarriesTheCcByCredit()
    {
        var expected = Credit.Foundations;
        var lessons = Package.Value.Lessons.Select(l => (l.Lesson.Slug, l.Lesson.Credit));
        var templates = Package.Value.Templates.Select(t => (t.Template.Slug, t.Template.Credit));
        Assert.Equal((8, 8), (lessons.Count(), templates.Count()));
        foreach (var (name, credit) in lessons.Concat(templates))
        {
            Assert.True(credit is not null, $"{name} carries no credit");
            Assert.Equal(
                (expected.Title, expected.Author, expected.Source, expected.Licence, expected.LicenceUrl),
                (credit.Title, credit.Author, credit.Source, credit.Licence, credit.LicenceUrl)
            );
            Assert.Contains("changes were made", credit.Changes);
        }
    }

    [Theory, MemberData(nameof(CoreSlugs))]
    public void CoreLesson_ReadingsHaveATitleAndAnAbsoluteHttpsLink(string slug)
    {
        var readings = Lesson(slug).Readings;
        Assert.NotEmpty(readings);
        Assert.All(
            readings,
            r =>
            {
                Assert.False(string.IsNullOrWhiteSpace(r.Title));
                Assert.True(Uri.TryCreate(r.Url, UriKind.Absolute, out var uri), r.Url);
                Assert.Equal("https", uri.Scheme);
            }
        );
    }

    [Fact]
    public void SessionThree_KeepsTheConflictReadingGroupAndThePathwaysReading()
    {
        var readings = Lesson("community-engagement").Readings;
        var conflict = readings
            .Where(r => r.Title.StartsWith("Conflict and difficult situations: ", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(5, conflict.Count);
        Assert.Contains(conflict, r => r.Url.Contains("CODE_OF_CONDUCT.md#6-restorative-practice"));
        Assert.Contains(
            readings,
            r => r.Title.StartsWith("Creating pathways that invest in new maintainers", StringComparison.Ordinal)
        );
        Assert.Contains(
            Lesson("community-charter").Readings,
            r => r.Title.Contains("Principles of Authentic Community Engagement")
        );
    }

    [Fact]
    public void CopBasicsWorksheet_DocumentsRolesAndResponsibilitiesInATable()
    {
        var template = Package.Value.Templates.Single(t => t.Template.Slug == "cop-basics").Template;
        var section = template.Sections.Single(s => s.Title == "Roles and responsibilities");
        var roles = Assert.Single(section.Fields);
        Assert.Equal(("roles", FieldTypes.Table, (string?)null), (roles.Id, roles.Type, roles.Charter));
        Assert.Equal(["Role", "Who holds it", "Responsibilities", "Backup or hand-over"], roles.Columns);
        Assert.True(roles.Help.Length > 0 && roles.Prompts.Count > 0);
    }
}
