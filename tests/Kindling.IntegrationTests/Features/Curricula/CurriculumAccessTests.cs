using System.Net;
using System.Net.Http.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>Who may see the curriculum library, and the zip download that imports again.</summary>
[Collection(SecondAppCollection.Name)]
public class CurriculumAccessTests(Apps apps)
{
    private static readonly string[] Pages =
    [
        "/curricula",
        "/curricula/foundations",
        "/curricula/import",
        "/curricula/foundations/lessons/community-narrative",
        "/curricula/foundations/lessons/community-narrative/edit",
        "/curricula/foundations/templates/cop-basics/edit",
        "/curricula/foundations/download.zip",
    ];

    public static TheoryData<string, string> PagesByProvider()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        foreach (var page in Pages)
            data.Add(provider, page);
        return data;
    }

    private static async Task<PageClient> ClientAsync(KindlingApp app, params string[] roles)
    {
        var user = await app.CreateUserAsync(
            $"acc-{Guid.NewGuid():N}@example.org",
            CohortScenario.Password,
            "UTC",
            roles
        );
        var client = app.Client();
        await client.SignInAsync(user.Email!, CohortScenario.Password);
        return client;
    }

    [Theory, MemberData(nameof(PagesByProvider))]
    public async Task CurriculumPage_ByRole_OnlyFacilitatorsAndAdminsGetIn(string provider, string page)
    {
        var app = await apps.GetAsync(provider);
        using var participant = await ClientAsync(app);
        using var facilitator = await ClientAsync(app, InstanceRoles.Facilitator);
        using var admin = await ClientAsync(app, InstanceRoles.Admin);
        using var anonymous = app.Client();

        var denied = await participant.GetAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Contains("Not allowed", denied.Text);
        Assert.Equal(HttpStatusCode.OK, (await facilitator.GetAsync(page)).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(page)).Status);
        var signIn = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        Assert.StartsWith("/account/signin", signIn.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PreviewEndpoint_Participant_IsForbidden(string provider)
    {
        using var participant = await ClientAsync(await apps.GetAsync(provider));
        var response = await participant.Http.PostAsJsonAsync(
            "/curricula/preview",
            new { fileName = "x.md", source = "---\n---\n" }
        );
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("sqlite", "/curricula/no-such-thing")]
    [InlineData("sqlite", "/curricula/foundations/lessons/no-such-lesson")]
    [InlineData("sqlite", "/curricula/foundations/lessons/no-such-lesson/edit")]
    [InlineData("sqlite", "/curricula/no-such-thing/download.zip")]
    [InlineData("sqlite", "/curricula/foundations/templates/no-such-template/edit")]
    [InlineData("postgres", "/curricula/no-such-thing/templates/cop-basics/edit")]
    [InlineData("postgres", "/curricula/foundations/lessons/no-such-lesson")]
    public async Task UnknownSlug_Facilitator_Gets404WithReadablePage(string provider, string page)
    {
        using var facilitator = await ClientAsync(await apps.GetAsync(provider), InstanceRoles.Facilitator);
        var result = await facilitator.GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Contains("Page not found", result.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_BuiltInCurriculum_ImportsAgainUnderANewSlug(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var facilitator = await ClientAsync(app, InstanceRoles.Facilitator);
        var download = await facilitator.Http.GetAsync("/curricula/foundations/download.zip");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        var files = CurriculumZip.Read(await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("foundations/curriculum.yml", files.Keys);
        Assert.Contains("foundations/guidelines.md", files.Keys);
        Assert.Contains("foundations/08-conflict-management.md", files.Keys);

        var slug = "copy-" + Guid.NewGuid().ToString("N")[..8];
        var renamed = files.ToDictionary(
            f => f.Key.Replace("foundations/", $"{slug}/"),
            f =>
                f.Key.EndsWith("curriculum.yml", StringComparison.Ordinal)
                    ? f.Value.Replace("slug: foundations", $"slug: {slug}")
                    : f.Value
        );
        Assert.Contains($"slug: {slug}", renamed[$"{slug}/curriculum.yml"]);
        var result = await CurriculumZip.UploadAsync(facilitator, CurriculumZip.Build(renamed));
        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join("; ", result.Errors));

        var (original, copy) = await app.WithDbAsync(async db =>
            (
                await db.Curricula.Include(c => c.Lessons).AsNoTracking().SingleAsync(c => c.Slug == "foundations"),
                await db.Curricula.Include(c => c.Lessons).AsNoTracking().SingleAsync(c => c.Slug == slug)
            )
        );
        Assert.Equal(
            (original.Title, original.Description, original.Attribution, original.Version),
            (copy.Title, copy.Description, copy.Attribution, copy.Version)
        );
        Assert.Equal(original.GuidelinesMarkdown, copy.GuidelinesMarkdown);
        Assert.Equal(original.CodeOfConductMarkdown, copy.CodeOfConductMarkdown);
        Assert.Equal(
            original.Lessons.OrderBy(l => l.Order).Select(l => (l.FileName, l.Slug, l.Source)),
            copy.Lessons.OrderBy(l => l.Order).Select(l => (l.FileName, l.Slug, l.Source))
        );
        Assert.False(copy.IsBuiltIn);

        Assert.Contains("foundations/02-cop-basics.template.yml", files.Keys);
        var (originalTemplates, copiedTemplates) = await app.WithDbAsync(async db =>
            (
                await db
                    .AssignmentTemplates.Where(t => t.CurriculumId == original.Id)
                    .OrderBy(t => t.Slug)
                    .Select(t => new
                    {
                        t.FileName,
                        t.Slug,
                        t.LessonSlug,
                        t.Source,
                    })
                    .ToListAsync(),
                await db
                    .AssignmentTemplates.Where(t => t.CurriculumId == copy.Id)
                    .OrderBy(t => t.Slug)
                    .Select(t => new
                    {
                        t.FileName,
                        t.Slug,
                        t.LessonSlug,
                        t.Source,
                    })
                    .ToListAsync()
            )
        );
        Assert.Equal(8, originalTemplates.Count);
        Assert.Equal(originalTemplates, copiedTemplates);
    }
}
