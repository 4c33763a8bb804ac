using Kindling.Web.Features.Curricula;

namespace Kindling.Tests.Curricula;

/// <summary>The built-in curriculum shipped in curriculum/foundations is data the app depends on: keep it
/// well-formed.</summary>
public class FoundationsCurriculumTests
{
    private static readonly string[] Ready =
    [
        "community-narrative",
        "cop-basics",
        "community-engagement",
        "community-charter",
        "open-science-framework",
        "facilitating-events",
        "impact-assessment",
        "conflict-management",
    ];

    public static TheoryData<string> LessonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(RepoPaths.Foundations, "*.md").Select(Path.GetFileName).Order())
            if (f is not ("guidelines.md" or "code-of-conduct.md"))
                data.Add(f!);
        return data;
    }

    private static LessonDocument Parse(string file)
    {
        var (lesson, error) = LessonParser.Parse(file, File.ReadAllText(Path.Combine(RepoPaths.Foundations, file)));
        Assert.True(error is null, error?.ToString());
        return lesson!;
    }

    [Theory, MemberData(nameof(LessonFiles))]
    public void Parse_EveryFoundationsLesson_Succeeds(string file) => Parse(file);

    [Fact]
    public void Read_FoundationsFolder_IsOneValidPackageOfEightLessons()
    {
        var (package, errors) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(RepoPaths.Foundations));
        Assert.Empty(errors);
        Assert.Equal("foundations", package!.Slug);
        Assert.Equal(8, package.Lessons.Count);
        Assert.Equal(Enumerable.Range(1, 8), package.Lessons.Select(l => l.Lesson.Order));
        Assert.NotEmpty(package.Guidelines);
        Assert.NotEmpty(package.CodeOfConduct);
    }

    [Fact]
    public void ReadyLessons_FollowTheSessionShape()
    {
        var (package, _) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(RepoPaths.Foundations));
        var ready = package!.Lessons.Select(l => l.Lesson).Where(l => !l.IsPlanned).ToList();
        Assert.Equal(Ready, ready.Select(l => l.Slug));
        foreach (var lesson in ready)
        {
            Assert.Equal("roll-call", lesson.Activities[0].Kind);
            Assert.Contains(lesson.Activities, a => a.Kind == "presentation" && a.Recordable);
            Assert.Contains(lesson.Activities, a => a.Kind == "qa");
            Assert.Contains(lesson.Activities, a => a.Kind == "feedback");
            Assert.All(lesson.Activities.Where(a => a.Recordable), a => Assert.Equal("presentation", a.Kind));
            Assert.InRange(lesson.PlannedMinutes, 55, 65);
        }
    }

    [Fact]
    public void FurtherModules_EachHaveTheirOwnWorksheetTemplate()
    {
        var (package, _) = CurriculumPackage.Read(CurriculumPackage.FromDirectory(RepoPaths.Foundations));
        var further = package!.Lessons.Select(l => l.Lesson).Where(l => l.Order > 4).ToList();
        Assert.Equal(
            ["open-practices", "event-plan", "impact-indicators", "response-process"],
            further.Select(l => l.Assignment?.Template)
        );
        Assert.All(
            further,
            l =>
            {
                Assert.Equal(60, l.PlannedMinutes);
                Assert.Equal((ActivityKinds.Share, 10), (l.Activities[1].Kind, l.Activities[1].Minutes));
                Assert.Contains(l.Activities.Single(a => a.Kind == "feedback").Prompts, p => p.Contains("takeaway"));
                Assert.InRange(l.Readings.Count, 3, 6);
                Assert.NotNull(l.Credit);
            }
        );
    }

    [Fact]
    public void ConflictModule_BreakoutShowsEachScenarioAndTheBodyTellsTheSameStories()
    {
        var lesson = Parse("08-conflict-management.md");
        var breakout = Assert.Single(lesson.Activities, a => a.Kind == "breakout");
        var scenarios = breakout.Prompts.Where(p => p.StartsWith("Scenario ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Scenario A", "Scenario B", "Scenario C"], scenarios.Select(p => p[..10]));
        Assert.Contains("## Scenarios for the breakouts", lesson.Body);
        foreach (var scenario in scenarios)
        {
            Assert.InRange(scenario.Length, 200, 1500);
            var title = scenario[..scenario.IndexOf(". ", StringComparison.Ordinal)];
            Assert.Contains($"**{title}.** {scenario[(title.Length + 2)..]}", lesson.Body);
        }
        Assert.Contains(breakout.Prompts, p => !p.StartsWith("Scenario ", StringComparison.Ordinal));
    }
}
