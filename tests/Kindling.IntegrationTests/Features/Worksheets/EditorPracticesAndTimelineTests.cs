using System.Net;
using System.Text.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Worksheets.WorksheetEditorScenario;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>The open practices and event timeline editors, driven through the real form as a browser without
/// JavaScript would, and what the saved values become on the page and in the charter.</summary>
[Collection(SecondAppCollection.Name)]
public class EditorPracticesAndTimelineTests(Apps apps)
{
    private static readonly WorksheetTemplate Template = new(
        "open-event",
        "lesson",
        "Open practices and our next event",
        "",
        [
            new TemplateSection(
                "Open work",
                "",
                [
                    new TemplateField(
                        "open",
                        FieldTypes.Practices,
                        "Open practices",
                        "",
                        [],
                        [],
                        ["Licences", "Open meetings"],
                        Charter: CharterSections.Openness
                    ),
                    new TemplateField("plan", FieldTypes.EventTimeline, "Event checklist", "", [], [], []),
                ]
            ),
        ]
    );

    /// <summary>The scenario's worksheet, now a fresh copy of <see cref="Template"/> (its practices started from the
    /// options).</summary>
    private static async Task<WorksheetEditorScenario> ArrangeAsync(string provider, Apps apps)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        var project = new Project
        {
            CohortId = s.Cohort.CohortId,
            Name = "P",
            CreatedUtc = DateTime.UtcNow,
            CreatedById = "u",
        };
        var fresh = MakeCopy.Create(project, Template, "u", DateTime.UtcNow, ProjectContext.None).Worksheet.DataJson;
        await s.App.WithDbAsync(async db =>
            await db
                .Worksheets.Where(w => w.Id == s.WorksheetId)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(w => w.TemplateJson, JsonSerializer.Serialize(Template, WorksheetData.Json))
                        .SetProperty(w => w.DataJson, fresh)
                )
        );
        await s.App.WithDbAsync(async db =>
            await db
                .WorksheetVersions.Where(v => v.WorksheetId == s.WorksheetId)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.DataJson, fresh))
        );
        return s;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PracticesAndTimeline_FilledThroughTheForm_SaveShowBackAndFeedTheCharter(string provider)
    {
        var s = await ArrangeAsync(provider, apps);
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var page = await owner.GetAsync(s.Url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = FormOf(page);
        // The template's practices are there to assess, then a blank row for one of their own.
        Assert.Equal(
            ["Licences", "Open meetings", ""],
            form.Where(f => f.Key.EndsWith(".practice", StringComparison.Ordinal)).Select(f => f.Value)
        );
        Assert.NotNull(page.Document.QuerySelector("label[for='in_f_open_0_state']"));
        Assert.NotNull(page.Document.QuerySelector("select#in_f_plan_0_phase"));
        Set(form, "f.open.0.state", "in-place");
        Set(form, "f.open.0.evidence", "MIT licence on every repository");
        Set(form, "f.open.2.practice", "Open data");
        Set(form, "f.open.2.state", "partly");
        Set(form, "f.open.2.next", "Publish the survey results");
        Set(form, "f.plan.0.phase", "before");
        Set(form, "f.plan.0.when", "6 weeks before");
        Set(form, "f.plan.0.task", "Book the venue");
        Set(form, "f.plan.0.owner", "Ana");
        form.Add(new("f.plan.0.done", "on"));

        var saved = await PostAsync(owner, s.Url, form, TokenOf(page));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var (version, d, _) = await s.StateAsync();
        Assert.Equal(2, version);
        Assert.Equal(
            [
                new PracticeRow("Licences", "in-place", "MIT licence on every repository", ""),
                new PracticeRow("Open meetings", "not-yet", "", ""),
                new PracticeRow("Open data", "partly", "", "Publish the survey results"),
            ],
            d.Get<List<PracticeRow>>("open")
        );
        Assert.Equal(
            new EventTask("before", "6 weeks before", "Book the venue", "Ana", true),
            Assert.Single(d.Get<List<EventTask>>("plan")!)
        );

        // The page shows the values back in the form and in the pictures.
        var again = await owner.GetAsync(s.Url);
        var state = again.Document.QuerySelector("#in_f_open_0_state option[selected]")!;
        Assert.Equal("in-place", state.GetAttribute("value"));
        Assert.NotNull(again.Document.QuerySelector("input#in_f_plan_0_done[checked]"));
        var practices = again.Document.QuerySelector("#picture-open svg")!;
        Assert.Contains("In place (1)", practices.TextContent);
        Assert.Contains("Open data", practices.TextContent);
        var timeline = again.Document.QuerySelector("#picture-plan svg")!;
        Assert.Contains("Book the venue", timeline.TextContent);
        Assert.Contains("Ana · ✓ done", timeline.TextContent);

        // The charter has an open practices section with its picture and table.
        var charter = await owner.GetAsync($"/cohorts/{s.Cohort.CohortId}/projects/{s.ProjectId}/charter");
        Assert.Equal(HttpStatusCode.OK, charter.Status);
        var openness = charter.Document.QuerySelector($"#{CharterSections.Openness}")!;
        Assert.Equal("Open practices", openness.QuerySelector("h2")!.TextContent.Trim());
        Assert.NotNull(openness.QuerySelector("figure.charter-diagram svg title"));
        Assert.Contains("Publish the survey results", openness.QuerySelector("table")!.TextContent);
        Assert.Contains("Book the venue", charter.Document.QuerySelector("#more-1")!.TextContent);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_UnknownStateOrPhase_SaysWhichAndSavesNothing(string provider)
    {
        var s = await ArrangeAsync(provider, apps);
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var page = await owner.GetAsync(s.Url);
        var form = FormOf(page);
        Set(form, "f.open.0.state", "finished");
        Set(form, "f.plan.0.task", "Book the venue");
        Set(form, "f.plan.0.phase", "someday");

        var result = await PostAsync(owner, s.Url, form, TokenOf(page));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains("Choose how far ‘Licences’ is in place: not yet, partly or in place.", result.Errors);
        Assert.Contains("Choose when ‘Book the venue’ happens: before, during or after the event.", result.Errors);
        Assert.Equal("Book the venue", result.Document.QuerySelector("#in_f_plan_0_task")!.TextContent);
        Assert.Equal(1, (await s.StateAsync()).Version);
    }
}
