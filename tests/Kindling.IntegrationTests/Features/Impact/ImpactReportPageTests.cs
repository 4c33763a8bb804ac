using System.Net;
using System.Text.RegularExpressions;
using Kindling.Domain;
using Kindling.IntegrationTests.Features.Charter;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Impact;

/// <summary>The project's impact report: its indicators over the review snapshots, its downloads, who may read it,
/// and the links to it.</summary>
[Collection(AppCollection.Name)]
public class ImpactReportPageTests(Apps apps)
{
    private static string Squash(string? text) => Regex.Replace(text ?? "", @"\s+", " ").Trim();

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImpactPage_Manager_ShowsEachIndicatorAtEachSnapshotWithAChartAndDownloads(string provider)
    {
        var s = await ImpactScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var page = await owner.GetAsync(s.PageUrl);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var d = page.Document;
        Assert.Equal($"{s.ProjectName}: impact report", Squash(d.QuerySelector("h1")!.TextContent));
        Assert.Contains(
            "Now, of 2 indicators: 1 met, 1 on track, 0 at risk and 0 not started.",
            Squash(d.QuerySelector(".impact-summary")!.TextContent)
        );
        var table = d.QuerySelector("table.impact-over-time")!;
        Assert.Equal(
            ["Indicator", "Mid-year review", "Annual review", "Now"],
            table.QuerySelectorAll("thead th").Select(th => Regex.Replace(th.TextContent, @" \(.*\)$", ""))
        );
        var repairs = table
            .QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == "Repairs done");
        Assert.Equal(
            ["On track: 4", "At risk: 5", "Met: 14"],
            repairs.QuerySelectorAll("td").Select(td => Squash(td.TextContent)[2..]) // after the mark
        );
        var volunteers = table
            .QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == "Volunteer fixers");
        Assert.Equal("Not tracked then", Squash(volunteers.QuerySelector("td")!.TextContent));
        var chart = d.QuerySelector("figure.impact-chart svg")!;
        Assert.Contains("Community impact snapshot", chart.QuerySelector("title")!.TextContent);
        Assert.Contains(
            "Now: 1 met, 1 on track, 0 at risk and 0 not started.",
            chart.QuerySelector("desc")!.TextContent
        );
        Assert.Contains("Monthly repair evenings run by volunteers", page.Text);
        Assert.Contains("Town council", page.Text);
        Assert.Contains("Numbers and stories", page.Text);
        Assert.Contains("Compiled with Kindling.", d.QuerySelector(".impact-credit")!.TextContent);
        foreach (var ext in new[] { "md", "pdf" })
            Assert.NotNull(d.QuerySelector($"a[href='{s.PageUrl}.{ext}']"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ProjectAndWorksheetPages_LinkToTheImpactReport(string provider)
    {
        var s = await ImpactScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var home = await owner.GetAsync(s.ProjectUrl);
        var worksheet = await owner.GetAsync(s.WorksheetUrl);

        Assert.Equal("Impact report", home.Document.QuerySelector($"a[href='{s.PageUrl}']")?.TextContent);
        Assert.Equal("Impact report", worksheet.Document.QuerySelector($"a[href='{s.PageUrl}']")?.TextContent);
        // the editor reminds of the definitions of success, read-only
        var reminder = worksheet.Document.QuerySelector("#field-ind .ws-reminder")!;
        Assert.Contains("Ten regular fixers", reminder.TextContent);
        Assert.Empty(reminder.QuerySelectorAll("input, textarea, select"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImpactPageAndDownloads_WhilePrivate_AreNobodyElsesBusiness_404(string provider)
    {
        var s = await ImpactScenario.CreateAsync(await apps.GetAsync(provider));
        var answers = new List<string>();

        foreach (var role in new[] { "facilitator", "observer", "outsider", "admin" })
        {
            using var client = await s.Cohort.ClientAsAsync(role);
            foreach (var suffix in new[] { "", ".md", ".pdf" })
                answers.Add($"{role} {suffix}: {(int)(await client.Http.GetAsync(s.PageUrl + suffix)).StatusCode}");
        }

        Assert.All(answers, a => Assert.EndsWith(": 404", a));
        Assert.Equal(12, answers.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImpactPage_WorksheetSharedWithTheCohort_MembersReadItButOutsidersStillCannot(string provider)
    {
        var s = await ImpactScenario.CreateAsync(await apps.GetAsync(provider));
        await s.Cohort.App.WithDbAsync(db =>
            db.Worksheets.Where(w => w.Id == s.ImpactId)
                .ExecuteUpdateAsync(u => u.SetProperty(w => w.SharedUtc, s.Cohort.App.Clock.GetUtcNow().UtcDateTime))
        );
        using var observer = await s.Cohort.ClientAsAsync("observer");
        using var outsider = await s.Cohort.ClientAsAsync("outsider");

        var page = await observer.GetAsync(s.PageUrl);
        var home = await observer.GetAsync(s.ProjectUrl);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Repairs done", page.Text);
        Assert.NotNull(home.Document.QuerySelector($"a[href='{s.PageUrl}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(s.PageUrl)).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImpactPage_ProjectWithoutIndicators_SaysToMakeACopyFromTheProjectPage(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var projectUrl = $"/cohorts/{s.Cohort.CohortId}/projects/{s.ProjectId}";

        var page = await owner.GetAsync(projectUrl + "/impact");
        var home = await owner.GetAsync(projectUrl);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Make a copy of the impact assignment from the project page", page.Text);
        Assert.NotNull(page.Document.QuerySelector($"a[href='{projectUrl}#copy-h']"));
        Assert.Null(page.Document.QuerySelector($"a[href='{projectUrl}/impact.pdf']"));
        Assert.Null(home.Document.QuerySelector($"a[href='{projectUrl}/impact']"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MarkdownDownload_HasTheReportUnderTheProjectsName(string provider)
    {
        var s = await ImpactScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var response = await owner.Http.GetAsync(s.PageUrl + ".md");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType!.MediaType);
        var fileName = response.Content.Headers.ContentDisposition!.FileName!.Trim('"');
        Assert.Matches("^riverside-bike-kitchen-[a-z0-9]+-impact-report\\.md$", fileName);
        var md = await response.Content.ReadAsStringAsync();
        Assert.StartsWith($"# {s.ProjectName}: impact report", md);
        Assert.Contains("| Repairs done | On track: 4 | At risk: 5 | Met: 14 |", md);
        Assert.Contains("| Volunteer fixers | Not tracked then | Not started | On track: 6 |", md);
        Assert.Contains("Compiled with Kindling.", md);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PdfDownload_IsARealPdfNamingTheIndicators(string provider)
    {
        var s = await ImpactScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var response = await owner.Http.GetAsync(s.PageUrl + ".pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = PdfTools.Text(bytes);
        Assert.Contains("Repairs done", text);
        Assert.Contains("Volunteer fixers", text);
        Assert.Contains("Annual review", text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MakeACopy_ProjectWithAWrittenSuccess_StartsWithADraftIndicatorPerWrittenHorizon(string provider)
    {
        var s = await ImpactScenario.CreateAsync(await apps.GetAsync(provider));
        await UseCurriculumWithTheImpactTemplateAsync(s);
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var copied = await owner.PostFormAsync(
            s.ProjectUrl,
            new Dictionary<string, string> { ["template"] = "impact" },
            s.ProjectUrl + "?handler=Copy"
        );

        Assert.Equal(HttpStatusCode.Redirect, copied.Status);
        var id = Guid.Parse(copied.Location!.ToString().Split('/')[^1]);
        var json = await s.Cohort.App.WithDbAsync(db =>
            db.Worksheets.Where(w => w.Id == id).Select(w => w.DataJson).FirstAsync()
        );
        var rows = WorksheetData.Parse(json).Get<List<ImpactIndicator>>("ind")!;
        Assert.Equal([(6, "Ten regular fixers"), (24, "A second workshop")], rows.Select(r => (r.Horizon, r.Success)));
        var editor = await owner.GetAsync(copied.Location!.ToString());
        Assert.Equal("Ten regular fixers", editor.Document.QuerySelector("#in_f_ind_0_serves")!.TextContent);
        Assert.Equal("6", editor.Document.QuerySelector("#in_f_ind_0_horizon option[selected]")!.GetAttribute("value"));
    }

    /// <summary>Moves the cohort to a curriculum of its own whose one assignment has an indicators field (the shipped
    /// curriculum is shared by the other tests).</summary>
    private static Task UseCurriculumWithTheImpactTemplateAsync(ImpactScenario s) =>
        s.Cohort.App.WithDbAsync(async db =>
        {
            var now = s.Cohort.App.Clock.GetUtcNow().UtcDateTime;
            var curriculum = new Curriculum
            {
                Slug = $"impact-{Guid.NewGuid():N}"[..20],
                Title = "Impact only",
                ImportedUtc = now,
            };
            const string yaml = """
                slug: impact
                lesson: impact-assessment
                title: Community impact snapshot
                sections:
                  - title: Indicators
                    fields:
                      - id: ind
                        type: indicators
                        label: Impact indicators
                        charter: impact
                """;
            db.Curricula.Add(curriculum);
            db.AssignmentTemplates.Add(
                new AssignmentTemplate
                {
                    CurriculumId = curriculum.Id,
                    Slug = "impact",
                    LessonSlug = "impact-assessment",
                    Title = "Community impact snapshot",
                    FileName = "07-impact-assessment.template.yml",
                    Source = yaml,
                    FileSource = yaml,
                    UpdatedUtc = now,
                }
            );
            var cohort = await db.Cohorts.FirstAsync(c => c.Id == s.Cohort.CohortId);
            cohort.CurriculumId = curriculum.Id;
            return await db.SaveChangesAsync();
        });
}
