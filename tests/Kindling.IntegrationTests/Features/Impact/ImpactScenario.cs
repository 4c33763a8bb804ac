using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.IntegrationTests.Features.Impact;

/// <summary>A cohort whose participant owns a project with a definition of success and an impact worksheet whose
/// indicators were reviewed twice (two labelled versions) before their current values.</summary>
public sealed class ImpactScenario
{
    public required CohortScenario Cohort { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid ImpactId { get; init; }
    public required string ProjectName { get; init; }
    public string ProjectUrl => $"/cohorts/{Cohort.CohortId}/projects/{ProjectId}";
    public string PageUrl => ProjectUrl + "/impact";
    public string WorksheetUrl => $"/cohorts/{Cohort.CohortId}/worksheets/{ImpactId}";

    public static readonly WorksheetTemplate Charter = new(
        "charter",
        "community-charter",
        "Vision, mission and roadmap",
        "",
        [
            new TemplateSection(
                "Success",
                "",
                [new TemplateField("success", FieldTypes.Success, "Success", "", [], [], [], false, "success")]
            ),
        ]
    );

    public static readonly WorksheetTemplate Impact = new(
        "impact",
        "impact-assessment",
        "Community impact snapshot",
        "",
        [
            new TemplateSection(
                "Indicators",
                "",
                [new TemplateField("ind", FieldTypes.Indicators, "Impact indicators", "", [], [], [], false, "impact")]
            ),
        ]
    );

    public static ImpactIndicator Indicator(string name, string status, string current) =>
        new(name, 12, "Monthly repair evenings run by volunteers", "0", "12", current, status, "both", "Town council");

    public static async Task<ImpactScenario> CreateAsync(KindlingApp app)
    {
        var cohort = await CohortScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var name = $"Riverside Bike Kitchen {Guid.NewGuid().ToString("N")[..6]}";
        var (projectId, impactId) = await app.WithDbAsync(async db =>
        {
            var owner = cohort.Users["participant"].Id;
            var project = new Project
            {
                CohortId = cohort.CohortId,
                Name = name,
                CreatedUtc = now,
                CreatedById = owner,
            };
            project.AddMember(owner, ProjectRole.Owner, now);
            var (charter, charterFirst) = MakeCopy.Create(project, Charter, owner, now, ProjectContext.None);
            var success = WorksheetData.Parse(charter.DataJson);
            success.Set("success", new SuccessDefinition("Ten regular fixers", "", "A second workshop"));
            charter.DataJson = success.ToJson();
            var (impact, first) = MakeCopy.Create(project, Impact, owner, now, ProjectContext.None);
            List<WorksheetVersion> versions =
            [
                first,
                Version(
                    impact,
                    2,
                    "Mid-year review",
                    owner,
                    now.AddDays(-60),
                    [Indicator("Repairs done", "on-track", "4")]
                ),
                Version(
                    impact,
                    3,
                    "Annual review",
                    owner,
                    now.AddDays(-30),
                    [Indicator("Repairs done", "at-risk", "5"), Indicator("Volunteer fixers", "not-started", "")]
                ),
            ];
            List<ImpactIndicator> current =
            [
                Indicator("Repairs done", "met", "14"),
                Indicator("Volunteer fixers", "on-track", "6"),
            ];
            versions.Add(Version(impact, 4, null, owner, now, current));
            impact.DataJson = Data(current);
            impact.Version = 4;
            db.Projects.Add(project);
            db.Worksheets.AddRange(charter, impact);
            db.WorksheetVersions.AddRange([charterFirst, .. versions]);
            await db.SaveChangesAsync();
            return (project.Id, impact.Id);
        });
        return new ImpactScenario
        {
            Cohort = cohort,
            ProjectId = projectId,
            ImpactId = impactId,
            ProjectName = name,
        };
    }

    private static string Data(List<ImpactIndicator> indicators)
    {
        var data = WorksheetData.Empty();
        data.Set("ind", indicators);
        return data.ToJson();
    }

    private static WorksheetVersion Version(
        Worksheet w,
        int number,
        string? label,
        string by,
        DateTime saved,
        List<ImpactIndicator> indicators
    ) =>
        new()
        {
            WorksheetId = w.Id,
            Number = number,
            Label = label,
            DataJson = Data(indicators),
            SavedUtc = saved,
            SavedById = by,
        };
}
