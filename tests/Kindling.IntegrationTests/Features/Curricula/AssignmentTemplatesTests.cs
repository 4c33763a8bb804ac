using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Features.Worksheets.Fields;
using Kindling.Web.Features.Worksheets.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>Assignment templates travel with their curriculum: loaded at start, imported whole or not at all, found by
/// the catalog.</summary>
[Collection(SecondAppCollection.Name)]
public class AssignmentTemplatesTests(Apps apps)
{
    private static readonly string[] Shipped =
    [
        "community-background",
        "cop-basics",
        "participation-engagement",
        "vision-mission-charter",
        "open-practices",
        "event-plan",
        "impact-indicators",
        "response-process",
    ];

    private const string SheetTemplate = """
        slug: first-sheet
        lesson: first-steps
        title: First worksheet
        sections:
          - title: Notes
            fields:
              - id: notes
                type: long-text
                label: Notes
              - id: people
                type: table
                label: People
                columns: [Name, Role]
        """;

    private static async Task<T> WithScopeAsync<T>(KindlingApp app, Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    private static async Task<PageClient> FacilitatorAsync(KindlingApp app)
    {
        var user = await app.CreateUserAsync(
            $"tpl-{Guid.NewGuid():N}@example.org",
            CohortScenario.Password,
            "UTC",
            InstanceRoles.Facilitator
        );
        var client = app.Client();
        await client.SignInAsync(user.Email!, CohortScenario.Password);
        return client;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Start_BuiltInCurriculum_HasItsEightTemplatesInLessonOrder(string provider)
    {
        var app = await apps.GetAsync(provider);
        var (curriculumId, listed, copBasics, forLesson, missing) = await WithScopeAsync(
            app,
            async sp =>
            {
                var db = sp.GetRequiredService<Kindling.Data.KindlingDb>();
                var catalog = sp.GetRequiredService<TemplateCatalog>();
                var id = await db.Curricula.Where(c => c.Slug == "foundations").Select(c => c.Id).SingleAsync();
                return (
                    id,
                    await catalog.ForCurriculumAsync(id),
                    await catalog.FindAsync(id, "cop-basics"),
                    await catalog.ForLessonAsync(id, "community-charter"),
                    await catalog.FindAsync(id, "no-such-template")
                );
            }
        );

        Assert.Equal(Shipped, listed.Select(t => t.Template.Slug));
        Assert.Equal(
            [
                "community-narrative",
                "cop-basics",
                "community-engagement",
                "community-charter",
                "open-science-framework",
                "facilitating-events",
                "impact-assessment",
                "conflict-management",
            ],
            listed.Select(t => t.Row.LessonSlug)
        );
        Assert.All(listed, t => Assert.Equal((curriculumId, t.Template.Title), (t.Row.CurriculumId, t.Row.Title)));
        Assert.Equal("02-cop-basics.template.yml", listed[1].Row.FileName);
        Assert.Equal(FieldTypes.StakeholderMap, copBasics!.Field("stakeholders")!.Type);
        Assert.Equal("vision-mission-charter", forLesson!.Value.Template.Slug);
        Assert.Null(missing);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Start_DatabaseFromBeforeTemplates_GetsThemAndKeepsLessonEdits(string provider)
    {
        var app = await apps.GetAsync(provider);
        // Make the database look like one made before templates existed, with one template from an older file.
        var before = await app.WithDbAsync(async db =>
        {
            var id = await db.Curricula.Where(c => c.Slug == "foundations").Select(c => c.Id).SingleAsync();
            var rows = await db.AssignmentTemplates.Where(t => t.CurriculumId == id).ToListAsync();
            db.AssignmentTemplates.RemoveRange(rows.Where(r => r.Slug != "cop-basics"));
            var old = rows.Single(r => r.Slug == "cop-basics");
            old.Source = old.Source.Replace("title: Community of practice basics", "title: An older title");
            old.FileSource = old.Source; // as shipped back then: the file has changed since
            old.Title = "An older title";
            old.UpdatedUtc = old.UpdatedUtc.AddDays(-30);
            // Nor had it a record of the files of its last sync, so the next start compares them all.
            db.BuiltInCurriculumSyncs.RemoveRange(await db.BuiltInCurriculumSyncs.ToListAsync());
            await db.SaveChangesAsync();
            return (
                Id: id,
                Lessons: await db
                    .Lessons.AsNoTracking()
                    .Where(l => l.CurriculumId == id)
                    .OrderBy(l => l.Order)
                    .ToListAsync(),
                OldUpdated: old.UpdatedUtc
            );
        });

        await WithScopeAsync(
            app,
            async sp =>
            {
                await sp.GetRequiredService<BuiltInCurriculumLoader>().LoadAsync();
                return 0;
            }
        );

        var (templates, lessons) = await app.WithDbAsync(async db =>
            (
                await db.AssignmentTemplates.AsNoTracking().Where(t => t.CurriculumId == before.Id).ToListAsync(),
                await db
                    .Lessons.AsNoTracking()
                    .Where(l => l.CurriculumId == before.Id)
                    .OrderBy(l => l.Order)
                    .ToListAsync()
            )
        );
        Assert.Equal(Shipped.Order(), templates.Select(t => t.Slug).Order());
        var cop = templates.Single(t => t.Slug == "cop-basics");
        Assert.Equal("Community of practice basics", cop.Title);
        Assert.Equal(
            File.ReadAllText(Path.Combine(Paths.Curriculum, "foundations", "02-cop-basics.template.yml")),
            cop.Source
        );
        Assert.True(cop.UpdatedUtc > before.OldUpdated);
        Assert.Equal(
            before.Lessons.Select(l => (l.Slug, l.Source, l.UpdatedUtc)),
            lessons.Select(l => (l.Slug, l.Source, l.UpdatedUtc))
        );
        var found = await WithScopeAsync(
            app,
            sp => sp.GetRequiredService<TemplateCatalog>().FindAsync(before.Id, "cop-basics")
        );
        Assert.Equal("Community of practice basics", found!.Title);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ZipWithTemplate_StoresItAndTheExportCarriesIt(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await FacilitatorAsync(app);
        var slug = "tpl-" + Guid.NewGuid().ToString("N")[..8];
        var files = CurriculumZip.Valid(slug);
        files["one.md"] = files["one.md"]
            .Replace("---\nSome", "assignment:\n  title: First worksheet\n  template: first-sheet\n---\nSome");
        files["one.template.yml"] = SheetTemplate;

        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(files, slug));

        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join("; ", result.Errors));
        var id = await app.WithDbAsync(db => db.Curricula.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        var (row, template) = Assert.Single(
            await WithScopeAsync(app, sp => sp.GetRequiredService<TemplateCatalog>().ForCurriculumAsync(id))
        );
        Assert.Equal(
            ("first-sheet", "first-steps", "one.template.yml", SheetTemplate),
            (row.Slug, row.LessonSlug, row.FileName, row.Source)
        );
        Assert.Equal(["Name", "Role"], template.Field("people")!.Columns);

        var download = await client.Http.GetAsync($"/curricula/{slug}/download.zip");
        var exported = CurriculumZip.Read(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(SheetTemplate, exported[$"{slug}/one.template.yml"]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ZipWithBrokenTemplate_IsRefusedWholeWithFileAndLine(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await FacilitatorAsync(app);
        Task<(int, int, int)> CountAsync() =>
            app.WithDbAsync(async db =>
                (
                    await db.Curricula.CountAsync(),
                    await db.Lessons.CountAsync(),
                    await db.AssignmentTemplates.CountAsync()
                )
            );
        var before = await CountAsync();
        var slug = "tpl-" + Guid.NewGuid().ToString("N")[..8];
        var files = CurriculumZip.Valid(slug);
        files["one.template.yml"] = SheetTemplate
            .Replace("type: table", "type: spreadsheet")
            .Replace("label: Notes", "label: Notes\n        colour: red");

        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(files, slug));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var errors = result.Document.QuerySelectorAll(".errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("one.template.yml, line 10: Unknown field key 'colour'.", errors[0]);
        Assert.StartsWith(
            "one.template.yml, line 12: Unknown field type 'spreadsheet'. Use one of: text, long-text,",
            errors[1]
        );
        Assert.Contains("Nothing was imported", result.Text);
        Assert.Equal(before, await CountAsync());
        Assert.False(await app.WithDbAsync(db => db.Curricula.AnyAsync(c => c.Slug == slug)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditLesson_NamingATemplate_ChecksItExistsForThatLesson(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = await FacilitatorAsync(app);
        var slug = "tpl-" + Guid.NewGuid().ToString("N")[..8];
        var files = CurriculumZip.Valid(slug);
        files["one.template.yml"] = SheetTemplate;
        var imported = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(files, slug));
        Assert.True(imported.Status == HttpStatusCode.Redirect, string.Join("; ", imported.Errors));
        Task<string> StoredAsync(string lesson) =>
            app.WithDbAsync(db =>
                db.Lessons.Where(l =>
                        l.Slug == lesson && db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == slug)
                    )
                    .Select(l => l.Source)
                    .SingleAsync()
            );
        string Naming(string lessonFile, string template) =>
            files[lessonFile]
                .Replace("---\nSome", $"assignment:\n  title: Worksheet\n  template: {template}\n---\nSome");

        var missing = await client.PostFormAsync(
            $"/curricula/{slug}/lessons/first-steps/edit",
            new Dictionary<string, string> { ["Source"] = Naming("one.md", "nowhere") }
        );
        var otherLesson = await client.PostFormAsync(
            $"/curricula/{slug}/lessons/second-steps/edit",
            new Dictionary<string, string> { ["Source"] = Naming("two.md", "first-sheet") }
        );

        Assert.Equal(HttpStatusCode.OK, missing.Status);
        Assert.Contains(
            missing.Errors,
            e => e.StartsWith("one.md, line 16: The assignment names the template 'nowhere'", StringComparison.Ordinal)
        );
        Assert.Contains(
            otherLesson.Errors,
            e =>
                e.StartsWith(
                    "two.md, line 16: The assignment names the template 'first-sheet'",
                    StringComparison.Ordinal
                )
        );
        Assert.Equal(files["one.md"], await StoredAsync("first-steps"));
        Assert.Equal(files["two.md"], await StoredAsync("second-steps"));

        var saved = await client.PostFormAsync(
            $"/curricula/{slug}/lessons/first-steps/edit",
            new Dictionary<string, string> { ["Source"] = Naming("one.md", "first-sheet") }
        );
        Assert.True(saved.Status == HttpStatusCode.Redirect, string.Join("; ", saved.Errors));
        Assert.Equal(Naming("one.md", "first-sheet"), await StoredAsync("first-steps"));
    }
}
