using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Charter;

/// <summary>The managers' charter page and its downloads: compiled from the worksheets, and nobody else's
/// business.</summary>
[Collection(SecondAppCollection.Name)]
public class CharterPageTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CharterPage_Manager_ShowsCompiledCharterMissingPartsAndDownloads(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var page = await owner.GetAsync(s.PageUrl);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var headings = page.Document.QuerySelectorAll(".charter-section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(
            [
                "Background",
                "Values",
                "Vision",
                "Mission",
                "Stakeholders",
                "Engagement pathways",
                "Roadmap",
                "Definitions of success",
                "Ways of working",
                "Code of conduct",
                "More from ‘Vision, mission and roadmap’",
            ],
            headings
        );
        Assert.Contains("Every neighbour can fix a bike.", page.Text);
        Assert.Contains("Town council", page.Text);
        Assert.Contains("Manage closely", page.Text);
        Assert.Contains(
            "Not written yet: fill in Mission in the worksheet ‘Vision, mission and roadmap’.",
            page.Document.QuerySelector("#mission .charter-missing")!.TextContent
        );
        Assert.NotNull(
            page.Document.QuerySelector(
                $"#mission .charter-missing a[href='/cohorts/{s.Cohort.CohortId}/worksheets/{s.WorksheetId}']"
            )
        );
        // no charter section: still in
        Assert.Contains("Budget talk with the council in March", page.Document.QuerySelector("#more-1")!.TextContent);
        var grid = page.Document.QuerySelector("#stakeholders figure.charter-diagram svg");
        Assert.NotNull(grid);
        Assert.NotNull(grid!.QuerySelector("title"));
        Assert.Contains("Town council", grid.QuerySelector("desc")!.TextContent);
        Assert.Contains(
            "From the worksheet ‘Vision, mission and roadmap’, updated",
            System.Text.RegularExpressions.Regex.Replace(
                page.Document.QuerySelector("#vision .meta")!.TextContent,
                @"\s+",
                " "
            )
        );
        foreach (var ext in new[] { "md", "pdf", "docx" })
            Assert.NotNull(
                page.Document.QuerySelector(
                    $"a[href='/cohorts/{s.Cohort.CohortId}/projects/{s.ProjectId}/charter.{ext}']"
                )
            );
    }

    [Theory]
    [InlineData("sqlite", "md", "text/markdown", "%")]
    [InlineData("sqlite", "pdf", "application/pdf", "%PDF")]
    [InlineData("sqlite", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK")]
    [InlineData("postgres", "md", "text/markdown", "%")]
    [InlineData("postgres", "pdf", "application/pdf", "%PDF")]
    [InlineData("postgres", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK")]
    public async Task Download_Manager_GetsFileWithTypeAndName(string provider, string ext, string type, string start)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var response = await owner.Http.GetAsync($"{s.PageUrl}.{ext}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.StartsWith("riverside-bike-kitchen-", fileName);
        Assert.EndsWith($"-charter.{ext}", fileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (ext == "md")
        {
            var md = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.StartsWith($"# {s.ProjectName}: community charter", md);
            Assert.Contains("Every neighbour can fix a bike.", md.Replace("\\.", "."));
        }
        else
            Assert.Equal(start, System.Text.Encoding.ASCII.GetString(bytes, 0, start.Length));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CharterPage_FreshCopiesOfEveryShippedTemplate_CallsOutEverySectionInventsNothing(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        var (projectId, charterTitle) = await s.Cohort.App.WithDbAsync(async db =>
        {
            using var scope = s.Cohort.App.Services.CreateScope();
            var catalog = scope.ServiceProvider.GetRequiredService<TemplateCatalog>();
            var curriculumId = await db
                .Cohorts.Where(c => c.Id == s.Cohort.CohortId)
                .Select(c => c.CurriculumId)
                .FirstAsync();
            var owner = s.Cohort.Users["participant"].Id;
            var now = s.Cohort.App.Clock.GetUtcNow().UtcDateTime;
            var project = new Project
            {
                CohortId = s.Cohort.CohortId,
                Name = "Fresh start",
                CreatedUtc = now,
                CreatedById = owner,
            };
            project.AddMember(owner, ProjectRole.Owner, now);
            db.Projects.Add(project);
            var shipped = await catalog.ForCurriculumAsync(curriculumId);
            Assert.Equal(8, shipped.Count);
            foreach (var (_, template) in shipped)
            {
                var (worksheet, first) = MakeCopy.Create(project, template, owner, now, ProjectContext.None);
                db.Worksheets.Add(worksheet);
                db.WorksheetVersions.Add(first);
            }
            await db.SaveChangesAsync();
            return (project.Id, shipped.Single(t => t.Row.LessonSlug == "community-charter").Template.Title);
        });
        using var client = await s.Cohort.ClientAsAsync("participant");

        var page = await client.GetAsync($"/cohorts/{s.Cohort.CohortId}/projects/{projectId}/charter");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var sections = page.Document.QuerySelectorAll(".charter-section").ToList();
        // the further modules' worksheets name the three optional sections, so all of them are called out
        Assert.Equal(CharterSections.All.Count, sections.Count);
        Assert.All(sections, sec => Assert.Contains("is-missing", sec.ClassName));
        Assert.Empty(
            page.Document.QuerySelectorAll(".charter-section table, .charter-section ul, .charter-section svg")
        );
        Assert.Contains(
            $"Not written yet: fill in",
            page.Document.QuerySelector("#vision .charter-missing")!.TextContent
        );
        Assert.Contains($"‘{charterTitle}’", page.Document.QuerySelector("#vision .charter-missing")!.TextContent);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CharterPage_NoWorksheetForASection_NamesTheShippedAssignmentToCopy(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        var title = await s.Cohort.App.WithDbAsync(db =>
            db.AssignmentTemplates.Where(t => t.LessonSlug == "community-charter").Select(t => t.Title).FirstAsync()
        );
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var page = await owner.GetAsync(s.PageUrl);

        Assert.Equal(
            $"Missing. No worksheet of this project collects this yet — make a copy of ‘{title}’ from the project "
                + $"page.",
            System
                .Text.RegularExpressions.Regex.Replace(
                    page.Document.QuerySelector("#values .charter-missing")!.TextContent,
                    @"\s+",
                    " "
                )
                .Trim()
        );
    }

    public static TheoryData<string, string, string> Outsiders()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        foreach (var role in new[] { "facilitator", "observer", "outsider", "admin" })
        foreach (var url in new[] { "", ".md", ".pdf", ".docx" })
            data.Add(provider, role, url);
        return data;
    }

    [Theory, MemberData(nameof(Outsiders))]
    public async Task CharterPageAndDownloads_NotAManager_404(string provider, string role, string suffix)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.Cohort.ClientAsAsync(role);

        var result = await client.GetAsync(s.PageUrl + suffix);

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.DoesNotContain("Every neighbour", result.Text);
        Assert.DoesNotContain(s.ProjectName, result.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Download_Anonymous_IsNotServed(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var anonymous = s.Cohort.App.Client();

        var page = await anonymous.GetAsync(s.PageUrl);
        var pdf = await anonymous.GetAsync(s.PageUrl + ".pdf");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.NotEqual(HttpStatusCode.OK, pdf.Status);
        Assert.DoesNotContain("Every neighbour", pdf.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CharterPage_UnknownProject_404(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var result = await owner.GetAsync($"/cohorts/{s.Cohort.CohortId}/projects/{Guid.NewGuid()}/charter.pdf");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
    }
}
