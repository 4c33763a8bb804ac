using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Charter;

/// <summary>A cohort whose participant owns a project with a filled charter worksheet (made with "make a
/// copy").</summary>
public sealed class CharterScenario
{
    public required CohortScenario Cohort { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid WorksheetId { get; init; }
    public required string ProjectName { get; init; }
    public string PageUrl => $"/cohorts/{Cohort.CohortId}/projects/{ProjectId}/charter";

    public static readonly WorksheetTemplate Template = new(
        "charter",
        "community-charter",
        "Vision, mission and roadmap",
        "",
        [
            new TemplateSection(
                "Where we are going",
                "",
                [
                    new TemplateField("vision", FieldTypes.LongText, "Vision", "", [], [], [], false, "vision"),
                    new TemplateField("mission", FieldTypes.LongText, "Mission", "", [], [], [], false, "mission"),
                    new TemplateField(
                        "stakeholders",
                        FieldTypes.StakeholderMap,
                        "Stakeholder map",
                        "",
                        [],
                        [],
                        [],
                        false,
                        "stakeholders"
                    ),
                    new TemplateField(
                        "ways",
                        FieldTypes.List,
                        "How we work together",
                        "",
                        [],
                        [],
                        [],
                        false,
                        "ways-of-working"
                    ),
                    new TemplateField("notes", FieldTypes.Text, "Notes", "", [], [], [], false, null),
                ]
            ),
        ]
    );

    public static async Task<CharterScenario> CreateAsync(KindlingApp app)
    {
        var cohort = await CohortScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var name = $"Riverside Bike Kitchen {Guid.NewGuid().ToString("N")[..6]}";
        var (projectId, worksheetId) = await app.WithDbAsync(async db =>
        {
            var owner = cohort.Users["participant"].Id;
            var project = new Project
            {
                CohortId = cohort.CohortId,
                Name = name,
                Description = "Fixing bikes together.",
                CreatedUtc = now,
                CreatedById = owner,
            };
            project.AddMember(owner, ProjectRole.Owner, now);
            var (worksheet, first) = MakeCopy.Create(project, Template, owner, now, ProjectContext.None);
            var data = WorksheetData.Parse(worksheet.DataJson);
            data.Set("vision", "Every neighbour can fix a bike.");
            data.Set("stakeholders", new List<Stakeholder> { new("Town council", "Funder", "Grants the hall", 9, 8) });
            data.Set("ways", new List<string> { "Decisions by consent" });
            data.Set("notes", "Budget talk with the council in March");
            worksheet.DataJson = data.ToJson();
            first.DataJson = worksheet.DataJson;
            db.Projects.Add(project);
            db.Worksheets.Add(worksheet);
            db.WorksheetVersions.Add(first);
            await db.SaveChangesAsync();
            return (project.Id, worksheet.Id);
        });
        return new CharterScenario
        {
            Cohort = cohort,
            ProjectId = projectId,
            WorksheetId = worksheetId,
            ProjectName = name,
        };
    }

    public Task<string?> SlugAsync() =>
        Cohort.App.WithDbAsync(db => db.Projects.Where(p => p.Id == ProjectId).Select(p => p.CharterSlug).FirstAsync());

    public Task SetVisionAsync(string vision) =>
        Cohort.App.WithDbAsync(async db =>
        {
            var w = await db.Worksheets.FirstAsync(x => x.Id == WorksheetId);
            var data = WorksheetData.Parse(w.DataJson);
            data.Set("vision", vision);
            w.DataJson = data.ToJson();
            w.UpdatedUtc = Cohort.App.Clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });
}
