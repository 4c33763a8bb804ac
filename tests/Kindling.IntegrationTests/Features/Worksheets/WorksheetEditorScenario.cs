using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>A cohort whose participant owns a project with the facilitator as co-manager, and one worksheet copied from
/// a template built in code (vision, mission, stakeholder map).</summary>
public sealed class WorksheetEditorScenario
{
    public required CohortScenario Cohort { get; init; }
    public required Guid ProjectId { get; init; }
    public required Guid WorksheetId { get; init; }
    public KindlingApp App => Cohort.App;
    public string Url => $"/cohorts/{Cohort.CohortId}/worksheets/{WorksheetId}";

    public static readonly WorksheetTemplate Template = new(
        "test-vision",
        "vision",
        "Vision and stakeholders",
        "Where we are going.",
        [
            new TemplateSection(
                "Direction",
                "Say where the community is heading.",
                [
                    new TemplateField(
                        "vision",
                        FieldTypes.LongText,
                        "Vision",
                        "The world you want.",
                        ["What changes?"],
                        [],
                        [],
                        Charter: CharterSections.Vision
                    ),
                    new TemplateField(
                        "mission",
                        FieldTypes.LongText,
                        "Mission",
                        "What you do about it.",
                        [],
                        [],
                        [],
                        Charter: CharterSections.Mission
                    ),
                ]
            ),
            new TemplateSection(
                "People",
                "",
                [new TemplateField("stakeholders", FieldTypes.StakeholderMap, "Stakeholders", "", [], [], [])]
            ),
        ]
    );

    public static async Task<WorksheetEditorScenario> CreateAsync(KindlingApp app)
    {
        var cohort = await CohortScenario.CreateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (projectId, worksheetId) = await app.WithDbAsync(async db =>
        {
            var project = new Project
            {
                CohortId = cohort.CohortId,
                Name = "Open Gardens",
                CreatedUtc = now,
                CreatedById = cohort.Users["participant"].Id,
            };
            project.AddMember(cohort.Users["participant"].Id, ProjectRole.Owner, now);
            project.AddMember(cohort.Users["facilitator"].Id, ProjectRole.CoManager, now);
            var (worksheet, first) = MakeCopy.Create(
                project,
                Template,
                cohort.Users["participant"].Id,
                now,
                ProjectContext.None
            );
            db.Projects.Add(project);
            db.Worksheets.Add(worksheet);
            db.WorksheetVersions.Add(first);
            await db.SaveChangesAsync();
            return (project.Id, worksheet.Id);
        });
        return new WorksheetEditorScenario
        {
            Cohort = cohort,
            ProjectId = projectId,
            WorksheetId = worksheetId,
        };
    }

    public Task<(int Version, WorksheetData Data, int Versions)> StateAsync() =>
        App.WithDbAsync(async db =>
        {
            var w = await db.Worksheets.AsNoTracking().SingleAsync(x => x.Id == WorksheetId);
            var count = await db.WorksheetVersions.CountAsync(v => v.WorksheetId == WorksheetId);
            return (w.Version, WorksheetData.Parse(w.DataJson), count);
        });

    /// <summary>The fields a browser would submit for the page's form, in document order (checked boxes
    /// only).</summary>
    public static List<KeyValuePair<string, string>> FormOf(PageClient.Page page, string selector = "form.ws-form")
    {
        var form =
            page.Document.QuerySelector(selector)
            ?? throw new InvalidOperationException($"No {selector} on the page: {page.Status}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var el in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = el.GetAttribute("name")!;
            if (name == "__RequestVerificationToken")
                continue;
            switch (el)
            {
                case IHtmlInputElement i when i.Type is "checkbox" or "radio":
                    if (i.IsChecked)
                        fields.Add(new(name, i.Value));
                    break;
                case IHtmlInputElement i when i.Type is "submit":
                    break;
                case IHtmlInputElement i:
                    fields.Add(new(name, i.Value));
                    break;
                case IHtmlTextAreaElement t:
                    fields.Add(new(name, t.Value));
                    break;
                case IHtmlSelectElement s:
                    fields.Add(new(name, s.Value ?? ""));
                    break;
            }
        }
        return fields;
    }

    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }

    public static async Task<PageClient.Page> PostAsync(
        PageClient client,
        string url,
        List<KeyValuePair<string, string>> fields,
        string token
    )
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return await PageClient.Page.FromAsync(await client.Http.PostAsync(url, new FormUrlEncodedContent(all)));
    }

    public static string TokenOf(PageClient.Page page) =>
        page.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException("No token");
}
