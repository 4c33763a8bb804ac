using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>A project owned by the scenario's participant, a second participant ("peer") and one worksheet with a text
/// field and a stakeholder map.</summary>
public sealed record ProjectSeed(CohortScenario Scenario, Guid ProjectId, Guid WorksheetId, AppUser Peer)
{
    public static readonly WorksheetTemplate Template = new(
        "stakeholders",
        "cop-basics",
        "Who is around our community",
        "Map the people.",
        [
            new TemplateSection(
                "Purpose",
                "Why we exist.",
                [
                    new TemplateField("purpose", FieldTypes.LongText, "Purpose", "One paragraph.", [], [], []),
                    new TemplateField(
                        "stakeholders",
                        FieldTypes.StakeholderMap,
                        "Stakeholders",
                        "Who shapes the community.",
                        [],
                        [],
                        [],
                        Charter: CharterSections.Stakeholders
                    ),
                ]
            ),
        ]
    );

    public string CohortUrl => $"/cohorts/{Scenario.CohortId}";
    public string WorksheetUrl => $"{CohortUrl}/worksheets/{WorksheetId}";
    public string ProjectUrl => $"{CohortUrl}/projects/{ProjectId}";

    public static async Task<ProjectSeed> CreateAsync(CohortScenario s)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var peer = await s.App.CreateUserAsync($"peer-{tag}@example.org", CohortScenario.Password, "UTC");
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        var (projectId, worksheetId) = await s.App.WithDbAsync(async db =>
        {
            db.CohortMembers.Add(
                new CohortMember
                {
                    CohortId = s.CohortId,
                    UserId = peer.Id,
                    Role = CohortRole.Participant,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                }
            );
            var project = new Project
            {
                CohortId = s.CohortId,
                Name = $"Riverside makers {tag}",
                CreatedUtc = now,
                CreatedById = s.Users["participant"].Id,
            };
            project.AddMember(s.Users["participant"].Id, ProjectRole.Owner, now);
            var (worksheet, first) = MakeCopy.Create(
                project,
                Template,
                s.Users["participant"].Id,
                now,
                ProjectContext.None
            );
            db.Projects.Add(project);
            db.Worksheets.Add(worksheet);
            db.WorksheetVersions.Add(first);
            await db.SaveChangesAsync();
            return (project.Id, worksheet.Id);
        });
        return new ProjectSeed(s, projectId, worksheetId, peer);
    }

    public async Task<PageClient> PeerClientAsync()
    {
        var client = Scenario.App.Client();
        await client.SignInAsync(Peer.Email!, CohortScenario.Password);
        return client;
    }
}
