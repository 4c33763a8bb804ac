using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>
/// The template editor: facilitators edit a template's file in the browser with a preview; broken text, a changed
/// slug or lesson and a save on top of someone else's are refused whole; copies made afterwards use the new text,
/// copies made before keep theirs, and the export carries it.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class TemplateEditorTests(Apps apps)
{
    private const string Template = """
        slug: first-sheet
        lesson: first-steps
        title: First worksheet
        sections:
          - title: Notes
            fields:
              - id: notes
                type: long-text
                label: Notes
                help: Write what you noticed.
              - id: people
                type: table
                label: People
                columns: [Name, Role]
        """;

    private sealed record Setup(KindlingApp App, PageClient Client, AppUser Facilitator, string Slug)
    {
        public string EditUrl => $"/curricula/{Slug}/templates/first-sheet/edit";

        public Task<AssignmentTemplate> RowAsync() =>
            App.WithDbAsync(db =>
                db.AssignmentTemplates.AsNoTracking()
                    .SingleAsync(t =>
                        t.Slug == "first-sheet" && db.Curricula.Any(c => c.Id == t.CurriculumId && c.Slug == Slug)
                    )
            );

        /// <summary>Posts the editor's form as the page would, starting from the template as the editor opened
        /// it.</summary>
        public async Task<PageClient.Page> SaveAsync(string source, PageClient? client = null, string? handler = null)
        {
            client ??= Client;
            var editor = await client.GetAsync(EditUrl);
            return await client.PostFormAsync(
                EditUrl,
                new Dictionary<string, string> { ["Source"] = source, ["StartedFrom"] = StartedFrom(editor) },
                handler is null ? null : $"{EditUrl}?handler={handler}"
            );
        }
    }

    private static string StartedFrom(PageClient.Page editor) =>
        editor.Document.QuerySelector("input[name=StartedFrom]")!.GetAttribute("value")!;

    private async Task<Setup> ImportAsync(string provider)
    {
        var app = await apps.GetAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var user = await app.CreateUserAsync(
            $"tpl-ed-{tag}@example.org",
            CohortScenario.Password,
            "UTC",
            InstanceRoles.Facilitator
        );
        var client = app.Client();
        await client.SignInAsync(user.Email!, CohortScenario.Password);
        var slug = "tpled-" + tag;
        var files = CurriculumZip.Valid(slug);
        files["one.md"] = files["one.md"]
            .Replace("---\nSome", "assignment:\n  title: First worksheet\n  template: first-sheet\n---\nSome");
        files["one.template.yml"] = Template;
        var imported = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(files, slug));
        Assert.True(imported.Status == HttpStatusCode.Redirect, string.Join("; ", imported.Errors));
        return new Setup(app, client, user, slug);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Editor_Facilitator_ShowsSourceAndPreviewAndIsLinked(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;

        var editor = await s.Client.GetAsync(s.EditUrl);
        var details = await s.Client.GetAsync($"/curricula/{s.Slug}");
        var lesson = await s.Client.GetAsync($"/curricula/{s.Slug}/lessons/first-steps");
        var other = await s.Client.GetAsync($"/curricula/{s.Slug}/lessons/second-steps");

        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.Equal(Template, editor.Document.QuerySelector("textarea#Source")!.TextContent);
        var preview = editor.Document.QuerySelector("#preview")!;
        Assert.Equal(["Notes", "People"], preview.QuerySelectorAll(".ws-field h4").Select(h => h.TextContent));
        Assert.Contains("Write what you noticed.", preview.TextContent);
        Assert.Equal(["Name", "Role", "Remove"], preview.QuerySelectorAll("th").Select(h => h.TextContent));
        Assert.NotNull(preview.QuerySelector("fieldset[disabled]"));
        Assert.Contains(
            "Worksheets already copied keep the template they were made from",
            Regex.Replace(editor.Document.Body!.TextContent, @"\s+", " ")
        );
        Assert.NotNull(details.Document.QuerySelector($"a[href='{s.EditUrl}']"));
        Assert.Equal(
            "Edit the worksheet template",
            lesson.Document.QuerySelector($"a[href='{s.EditUrl}']")!.TextContent.Trim()
        );
        Assert.DoesNotContain("Edit the worksheet template", other.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Editor_ParticipantOrSignedOut_IsRefusedAndSavesNothing(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;
        var participant = await s.App.CreateUserAsync(
            $"tpl-par-{Guid.NewGuid():N}@example.org",
            CohortScenario.Password
        );
        using var client = s.App.Client();
        await client.SignInAsync(participant.Email!, CohortScenario.Password);
        using var anonymous = s.App.Client();
        var token = await client.TokenAsync("/account/profile");

        var get = await client.GetAsync(s.EditUrl);
        var post = await client.PostWithTokenAsync(
            s.EditUrl,
            new Dictionary<string, string> { ["Source"] = Template.Replace("label: Notes", "label: Mine") },
            token
        );
        var signedOut = await anonymous.GetAsync(s.EditUrl);
        var unknown = await s.Client.GetAsync($"/curricula/{s.Slug}/templates/no-such-template/edit");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (get.Status, post.Status));
        Assert.Contains("Not allowed", get.Text);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.StartsWith("/account/signin", signedOut.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(Template, (await s.RowAsync()).Source);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Preview_ChangedLabel_IsDrawnWithAndWithoutJavaScriptAndNothingSaved(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;
        var draft = Template.Replace("label: People", "label: Who takes part");

        var page = await s.SaveAsync(draft, handler: "Preview");
        var live = await s.SaveAsync(draft, handler: "Live");
        var broken = await s.SaveAsync(draft.Replace("type: table", "type: spreadsheet"), handler: "Live");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Who takes part", page.Document.QuerySelectorAll("#preview .ws-field h4")[1].TextContent);
        Assert.Equal(draft, page.Document.QuerySelector("textarea#Source")!.TextContent);
        Assert.Equal("Who takes part", live.Document.QuerySelectorAll(".ws-field h4")[1].TextContent);
        Assert.Null(live.Document.QuerySelector("textarea#Source"));
        Assert.StartsWith(
            "one.template.yml, line 12: Unknown field type 'spreadsheet'.",
            broken.Document.QuerySelector("[data-preview-errors]")!.GetAttribute("data-preview-errors")
        );
        Assert.Equal(Template, (await s.RowAsync()).Source);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_BrokenTemplate_ListsEveryErrorBesideItsLineAndSavesNothing(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;
        var before = await s.RowAsync();
        var broken = Template
            .Replace("type: table", "type: spreadsheet")
            .Replace("label: Notes", "label: Notes\n        colour: red");

        var result = await s.SaveAsync(broken);

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var errors = result.Document.QuerySelectorAll(".errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("one.template.yml, line 10: Unknown field key 'colour'.", errors[0]);
        Assert.StartsWith("one.template.yml, line 13: Unknown field type 'spreadsheet'.", errors[1]);
        Assert.Contains("Nothing was saved", result.Text);
        var flagged = result.Document.QuerySelector("#line-13")!;
        Assert.Contains("type: spreadsheet", flagged.QuerySelector("code")!.TextContent);
        Assert.Contains("Problem: Unknown field type 'spreadsheet'", flagged.TextContent);
        Assert.Equal("Line 13", flagged.QuerySelector(".line-no")!.TextContent);
        Assert.Equal(broken, result.Document.QuerySelector("textarea#Source")!.TextContent);
        var after = await s.RowAsync();
        Assert.Equal(
            (before.Source, before.Title, before.UpdatedUtc, (string?)null, (DateTime?)null),
            (after.Source, after.Title, after.UpdatedUtc, after.EditedById, after.EditedUtc)
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_ChangedSlugOrLesson_IsRefusedAtItsLine(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;

        var slug = await s.SaveAsync(Template.Replace("slug: first-sheet", "slug: renamed-sheet"));
        var lesson = await s.SaveAsync(Template.Replace("lesson: first-steps", "lesson: second-steps"));

        Assert.Contains(
            slug.Errors,
            e => e.StartsWith("one.template.yml, line 1: The slug must stay 'first-sheet'", StringComparison.Ordinal)
        );
        Assert.Contains(
            lesson.Errors,
            e => e.StartsWith("one.template.yml, line 2: 'lesson' must stay 'first-steps'", StringComparison.Ordinal)
        );
        Assert.Equal(Template, (await s.RowAsync()).Source);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_ValidChange_NewCopiesUseItOldCopiesKeepTheirsAndDetailsSayWho(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;
        var (projectId, projectUrl, owner) = await ProjectAsync(s);
        using var __ = owner;
        var copy = () =>
            owner.PostFormAsync(
                projectUrl,
                new Dictionary<string, string> { ["template"] = "first-sheet" },
                projectUrl + "?handler=Copy"
            );
        Assert.Equal(HttpStatusCode.Redirect, (await copy()).Status); // a copy made before the edit
        var edited = Template
            .Replace("title: First worksheet", "title: First worksheet, revised")
            .Replace("label: People", "label: Who takes part");
        var now = s.App.Clock.GetUtcNow().UtcDateTime;

        var saved = await s.SaveAsync(edited);

        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join("; ", saved.Errors));
        Assert.Equal($"/curricula/{s.Slug}/lessons/first-steps", saved.Location!.ToString());
        var row = await s.RowAsync();
        Assert.Equal(
            (edited, "First worksheet, revised", s.Facilitator.Id, Template),
            (row.Source, row.Title, row.EditedById, row.FileSource)
        );
        Assert.True(row.EditedUtc >= now && row.UpdatedUtc == row.EditedUtc);
        Assert.Equal(HttpStatusCode.Redirect, (await copy()).Status); // a copy made after it
        var copies = await s.App.WithDbAsync(db =>
            db.Worksheets.Where(w => w.ProjectId == projectId)
                .OrderBy(w => w.CreatedUtc)
                .ThenBy(w => w.Title)
                .Select(w => new { w.Title, w.TemplateJson })
                .ToListAsync()
        );
        Assert.Equal(2, copies.Count);
        var old = copies.Single(c => c.Title == "First worksheet");
        var fresh = copies.Single(c => c.Title == "First worksheet, revised");
        Assert.Contains("\"People\"", old.TemplateJson);
        Assert.DoesNotContain("Who takes part", old.TemplateJson);
        Assert.Contains("\"Who takes part\"", fresh.TemplateJson);

        var details = await s.Client.GetAsync($"/curricula/{s.Slug}");
        var mark = details.Document.QuerySelector("section[aria-labelledby=templates-h] li")!.TextContent;
        Assert.Contains($"edited in the browser by {s.Facilitator.DisplayName} on", mark);
        Assert.Contains(row.EditedUtc!.Value.ToString("d MMM yyyy", CultureInfo.InvariantCulture), mark);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_AfterSomeoneElseSaved_IsRefusedNamingThemAndKeepsBothTexts(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;
        var other = await s.App.CreateUserAsync(
            $"tpl-two-{Guid.NewGuid():N}@example.org",
            CohortScenario.Password,
            "UTC",
            InstanceRoles.Facilitator
        );
        using var second = s.App.Client();
        await second.SignInAsync(other.Email!, CohortScenario.Password);
        var firstEditor = await s.Client.GetAsync(s.EditUrl);
        var secondEditor = await second.GetAsync(s.EditUrl);
        var theirs = Template.Replace("label: Notes", "label: Their notes");
        var mine = Template.Replace("label: People", "label: My people");
        Task<PageClient.Page> Post(PageClient client, PageClient.Page editor, string source) =>
            client.PostFormAsync(
                s.EditUrl,
                new Dictionary<string, string> { ["Source"] = source, ["StartedFrom"] = StartedFrom(editor) }
            );

        var firstSave = await Post(second, secondEditor, theirs);
        var refused = await Post(s.Client, firstEditor, mine);

        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var message = Assert.Single(refused.Document.QuerySelectorAll(".errors li")).TextContent;
        Assert.StartsWith($"{other.DisplayName} saved this template at ", message);
        Assert.Contains("after you opened it, so your change was not saved", message);
        Assert.Equal(mine, refused.Document.QuerySelector("textarea#Source")!.TextContent);
        Assert.Equal(theirs, refused.Document.QuerySelector("pre.code-saved")!.TextContent);
        var kept = await s.RowAsync();
        Assert.Equal((theirs, other.Id), (kept.Source, kept.EditedById));

        // Having seen theirs, a second save from the refused page goes through.
        var again = await s.Client.PostFormAsync(
            s.EditUrl,
            new Dictionary<string, string> { ["Source"] = mine, ["StartedFrom"] = StartedFrom(refused) }
        );
        Assert.True(again.Status == HttpStatusCode.Redirect, string.Join("; ", again.Errors));
        var replaced = await s.RowAsync();
        Assert.Equal((mine, s.Facilitator.Id), (replaced.Source, replaced.EditedById));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_AfterAnEdit_CarriesTheEditedTemplate(string provider)
    {
        var s = await ImportAsync(provider);
        using var _ = s.Client;
        var edited = Template.Replace("label: Notes", "label: Notes from the week");
        Assert.Equal(HttpStatusCode.Redirect, (await s.SaveAsync(edited)).Status);

        var download = await s.Client.Http.GetAsync($"/curricula/{s.Slug}/download.zip");

        var files = CurriculumZip.Read(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(edited, files[$"{s.Slug}/one.template.yml"]);
    }

    /// <summary>A cohort on the test's curriculum and a project its participant owns; returns the project's address
    /// and the owner's client.</summary>
    private static async Task<(Guid ProjectId, string ProjectUrl, PageClient Owner)> ProjectAsync(Setup s)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var participant = await s.App.CreateUserAsync($"tpl-own-{tag}@example.org", CohortScenario.Password);
        var now = s.App.Clock.GetUtcNow().UtcDateTime;
        var (cohortId, projectId) = await s.App.WithDbAsync(async db =>
        {
            var curriculumId = await db.Curricula.Where(c => c.Slug == s.Slug).Select(c => c.Id).SingleAsync();
            var cohort = new Cohort
            {
                Name = $"Template cohort {tag}",
                CurriculumId = curriculumId,
                CalendarToken = $"cal{tag}{Guid.NewGuid():N}",
                CreatedUtc = now,
                CreatedById = s.Facilitator.Id,
            };
            cohort.AddMember(participant.Id, CohortRole.Participant, now).AcknowledgedUtc = now;
            var project = new Project
            {
                CohortId = cohort.Id,
                Name = $"Makers {tag}",
                CreatedUtc = now,
                CreatedById = participant.Id,
            };
            project.AddMember(participant.Id, ProjectRole.Owner, now);
            db.AddRange(cohort, project);
            await db.SaveChangesAsync();
            return (cohort.Id, project.Id);
        });
        var client = s.App.Client();
        await client.SignInAsync(participant.Email!, CohortScenario.Password);
        return (projectId, $"/cohorts/{cohortId}/projects/{projectId}", client);
    }
}
