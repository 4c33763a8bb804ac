using System.Net;
using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Frameworks;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Worksheets.WorksheetEditorScenario;

namespace Kindling.IntegrationTests.Features.Worksheets;

/// <summary>Every field type's editor, driven through the real HTML form as a browser without JavaScript
/// would.</summary>
[Collection(SecondAppCollection.Name)]
public class EditorFieldTypesTests(Apps apps)
{
    private static TemplateField F(
        string id,
        string type,
        string label,
        IReadOnlyList<string>? columns = null,
        IReadOnlyList<string>? options = null,
        bool multiple = false
    ) => new(id, type, label, "", [], columns ?? [], options ?? [], multiple);

    private static readonly WorksheetTemplate Everything = new(
        "everything",
        "lesson",
        "Every field",
        "",
        [
            new TemplateSection(
                "All",
                "",
                [
                    F("name", FieldTypes.Text, "Community name"),
                    F("story", FieldTypes.LongText, "Origin story"),
                    F("start", FieldTypes.Date, "Start date"),
                    F("size", FieldTypes.Choice, "Size", options: ["Small", "Large"]),
                    F("tools", FieldTypes.Choice, "Tools", options: ["Chat", "Forum", "Video"], multiple: true),
                    F("people", FieldTypes.List, "People"),
                    F("plan", FieldTypes.Table, "Plan", columns: ["What", "Who"]),
                    F("map", FieldTypes.StakeholderMap, "Map"),
                    F("channels", FieldTypes.Channels, "Channels"),
                    F("mountain", FieldTypes.Mountain, "Mountain"),
                    F("skills", FieldTypes.Skills, "Skills"),
                    F("values", FieldTypes.Values, "Values", options: ["Openness", "Care", "Curiosity"]),
                    F("roadmap", FieldTypes.Roadmap, "Roadmap"),
                    F("success", FieldTypes.Success, "Success"),
                ]
            ),
        ]
    );

    private static async Task<WorksheetEditorScenario> ArrangeAsync(string provider, Apps apps)
    {
        var s = await CreateAsync(await apps.GetAsync(provider));
        // The worksheet now uses the every-field template; values start empty, as in a fresh copy.
        await s.App.WithDbAsync(async db =>
            await db
                .Worksheets.Where(w => w.Id == s.WorksheetId)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(w => w.TemplateJson, JsonSerializer.Serialize(Everything, WorksheetData.Json))
                        .SetProperty(w => w.DataJson, "{}")
                )
        );
        await s.App.WithDbAsync(async db =>
            await db
                .WorksheetVersions.Where(v => v.WorksheetId == s.WorksheetId)
                .ExecuteUpdateAsync(u => u.SetProperty(v => v.DataJson, "{}"))
        );
        return s;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryFieldType_FilledThroughTheForm_SavesTheValues(string provider)
    {
        var s = await ArrangeAsync(provider, apps);
        using var owner = await s.Cohort.ClientAsAsync("participant");
        var page = await owner.GetAsync(s.Url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = FormOf(page);
        var items = form.Where(f => f.Key == "f.people").ToList();
        Assert.Equal(3, items.Count); // blank inputs to type into
        form.RemoveAll(f => f.Key == "f.people");
        form.AddRange([new("f.people", "Ana"), new("f.people", ""), new("f.people", "Ben")]);
        Set(form, "f.name", "Open Gardens");
        Set(form, "f.story", "We met.\nWe grew.");
        Set(form, "f.start", "2026-03-01");
        Set(form, "f.size", "Small");
        form.AddRange([new("f.tools", "Chat"), new("f.tools", "Video")]);
        Set(form, "f.plan.0.0", "Meetup");
        Set(form, "f.plan.0.1", "Ana");
        Set(form, "f.map.0.name", "Funders");
        Set(form, "f.map.0.power", "9");
        Set(form, "f.map.0.interest", "8");
        Set(form, "f.channels.primary.0.name", "Forum");
        Set(form, "f.channels.primary.0.purpose", "Decisions");
        Set(form, "f.channels.synchronous.0.name", "Call");
        Set(form, "f.mountain.0.name", "Visitor");
        Set(form, "f.mountain.0.gets", "Ideas");
        Set(form, "f.skills.2.team", "4");
        Set(form, "f.skills.2.gaps", "Writing");
        form.AddRange([new("f.values.chosen", "Care"), new("f.values.chosen", "Openness")]);
        form.RemoveAll(f => f.Key == "f.values.own");
        form.Add(new("f.values.own", "Kindness"));
        Set(form, "f.values.defined", "Care");
        Set(form, "f.values.definition", "We look out for each other.");
        form.RemoveAll(f => f.Key == "f.values.examples");
        form.Add(new("f.values.examples", "We check in"));
        Set(form, "f.roadmap.0.title", "Launch");
        Set(form, "f.roadmap.0.due", "2026-06-01");
        Set(form, "f.success.six", "20 members");

        var saved = await PostAsync(owner, s.Url, form, TokenOf(page));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var (version, d, _) = await s.StateAsync();
        Assert.Equal(2, version);
        Assert.Equal(
            ("Open Gardens", "We met.\nWe grew.", "2026-03-01", "Small"),
            (d.GetText("name"), d.GetText("story"), d.GetText("start"), d.GetText("size"))
        );
        Assert.Equal(["Chat", "Video"], d.Get<List<string>>("tools"));
        Assert.Equal(["Ana", "Ben"], d.Get<List<string>>("people"));
        Assert.Equal(
            [
                ["Meetup", "Ana"],
            ],
            d.Get<List<List<string>>>("plan")
        );
        Assert.Equal(new Stakeholder("Funders", "", "", 9, 8), Assert.Single(d.Get<List<Stakeholder>>("map")!));
        var channels = d.Get<ChannelMap>("channels")!;
        Assert.Equal(
            (new Channel("Forum", "Decisions"), 0, "Call"),
            (Assert.Single(channels.Primary), channels.Asynchronous.Count, Assert.Single(channels.Synchronous).Name)
        );
        Assert.Equal(
            new MountainLevel("Visitor", "", "", "", "", "Ideas", ""),
            Assert.Single(d.Get<List<MountainLevel>>("mountain")!)
        );
        var content = d.Get<List<SkillRating>>("skills")!.Single(r => r.Area == "Content");
        Assert.Equal((4, 0, "Writing"), (content.Team, content.Community, content.Gaps));
        var values = d.Get<CoreValues>("values")!;
        Assert.Equal(["Openness", "Care", "Kindness"], values.Chosen);
        Assert.Equal(
            ("Care", "We look out for each other.", "We check in"),
            (values.Defined, values.Definition, Assert.Single(values.Examples))
        );
        Assert.Equal(
            new Milestone("Launch", "2026-06-01", "", "", ""),
            Assert.Single(d.Get<List<Milestone>>("roadmap")!)
        );
        Assert.Equal("20 members", d.Get<SuccessDefinition>("success")!.SixMonths);

        // The saved page, submitted again untouched, is not a change.
        var again = await owner.GetAsync(s.Url);
        var resubmit = await PostAsync(owner, s.Url, FormOf(again), TokenOf(again));
        Assert.Equal(HttpStatusCode.Redirect, resubmit.Status);
        Assert.Equal(2, (await s.StateAsync()).Version);
        Assert.Contains("Nothing to save", (await owner.GetAsync(s.Url)).Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reviewer_SeesReadOnlyValuesAndCommentLinks(string provider)
    {
        var s = await ArrangeAsync(provider, apps);
        var observerId = s.Cohort.Users["observer"].Id;
        await s.App.WithDbAsync(async db =>
        {
            await db
                .Worksheets.Where(w => w.Id == s.WorksheetId)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(
                        w => w.DataJson,
                        """{"name":"Open Gardens","people":["Ana","Ben"],"plan":[["Meetup","Ana"]]}"""
                    )
                );
            db.WorksheetReviewers.Add(
                new Kindling.Domain.WorksheetReviewer
                {
                    WorksheetId = s.WorksheetId,
                    UserId = observerId,
                    RequestedById = s.Cohort.Users["participant"].Id,
                }
            );
            return await db.SaveChangesAsync();
        });
        using var reviewer = await s.Cohort.ClientAsAsync("observer");

        var page = await reviewer.GetAsync(s.Url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("form.ws-form"));
        Assert.Empty(page.Document.QuerySelectorAll("main input:not([type=hidden]), main textarea"));
        Assert.Contains("Open Gardens", page.Document.QuerySelector("#field-name")!.TextContent);
        Assert.Equal(
            ["Ana", "Ben"],
            page.Document.QuerySelectorAll("#field-people li").Select(li => li.TextContent.Trim())
        );
        Assert.Equal("Meetup", page.Document.QuerySelector("#field-plan td")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector($"a[href='{s.Url}/comments?field=people']"));
        Assert.Null(page.Document.QuerySelector($"a[href='{s.Url}/versions']"));
    }
}
