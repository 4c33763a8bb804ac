using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Curricula;

[Collection(SecondAppCollection.Name)]
public class CurriculumPagesTests(Apps apps)
{
    private const string Password = CohortScenario.Password;

    private static string NewSlug() => "test-" + Guid.NewGuid().ToString("N")[..8];

    private async Task<(KindlingApp App, PageClient Client)> SignInAsync(string provider, params string[] roles)
    {
        var app = await apps.GetAsync(provider);
        var user = await app.CreateUserAsync($"cur-{Guid.NewGuid():N}@example.org", Password, "UTC", roles);
        var client = app.Client();
        await client.SignInAsync(user.Email!, Password);
        return (app, client);
    }

    private static Task<(int Curricula, int Lessons)> CountAsync(KindlingApp app) =>
        app.WithDbAsync(async db => (await db.Curricula.CountAsync(), await db.Lessons.CountAsync()));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ValidZip_StoresCurriculumAndDetailsListsLessons(string provider)
    {
        var (app, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var _ = client;
        var slug = NewSlug();
        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(CurriculumZip.Valid(slug), slug));

        Assert.Equal(HttpStatusCode.Redirect, result.Status);
        Assert.Equal($"/curricula/{slug}", result.Location!.OriginalString);
        var stored = await app.WithDbAsync(db => db.Curricula.Include(c => c.Lessons).SingleAsync(c => c.Slug == slug));
        Assert.False(stored.IsBuiltIn);
        Assert.Equal(2, stored.Version);
        Assert.Equal("Listen first.", stored.GuidelinesMarkdown);
        Assert.Equal(
            ["first-steps", "second-steps", "third-steps"],
            stored.Lessons.OrderBy(l => l.Order).Select(l => l.Slug)
        );

        var details = await client.GetAsync($"/curricula/{slug}");
        Assert.Equal(
            "Imported “Test curriculum” with 3 lessons.",
            details.Document.QuerySelector(".flash")?.TextContent
        );
        var links = details.Document.QuerySelectorAll(".lessons a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/curricula/{slug}/lessons/second-steps", links);
        Assert.Contains($"/curricula/{slug}/lessons/third-steps/edit", links);
        Assert.NotNull(details.Document.QuerySelector($"a[href='/cohorts/new?curriculum={stored.Id}']"));

        var index = await client.GetAsync("/curricula");
        Assert.Contains(
            index.Document.QuerySelectorAll("tbody tr"),
            r => r.TextContent.Contains("Test curriculum") && r.TextContent.Contains("imported")
        );
        var lesson = await client.GetAsync($"/curricula/{slug}/lessons/second-steps");
        Assert.Equal("Second steps", lesson.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Written for the tests, CC0.", lesson.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_OneMalformedLesson_ListsItsLineAndStoresNothing(string provider)
    {
        var (app, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var _ = client;
        var before = await CountAsync(app);
        var files = CurriculumZip.Valid(NewSlug());
        files.Remove("three.md");
        files["bad.md"] = CurriculumZip.Lesson("bad-one", 3, "Bad").Replace("order: 3", "order: third");

        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(files));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(
            result.Errors,
            e => e.StartsWith("bad.md, line 3: 'order' must be a whole number", StringComparison.Ordinal)
        );
        Assert.Contains("Nothing was imported", result.Text);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_SeveralMalformedLessons_ListsEveryError(string provider)
    {
        var (app, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var _ = client;
        var before = await CountAsync(app);
        var files = CurriculumZip.Valid(NewSlug());
        files["one.md"] = files["one.md"].Replace("minutes: 5", "minutes: 0");
        files["two.md"] = files["two.md"].Replace("kind: roll-call", "kind: lecture");

        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(files));

        var errors = result.Document.QuerySelectorAll(".errors li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("one.md, line 9: 'minutes'", errors[0]);
        Assert.StartsWith("two.md, line 7: Unknown activity kind 'lecture'", errors[1]);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ExistingSlug_SaysHowToFixAndStoresNothing(string provider)
    {
        var (app, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var _ = client;
        var before = await CountAsync(app);
        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(CurriculumZip.Valid("foundations")));
        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(
            result.Errors,
            e => e.Contains("slug 'foundations' already exists") && e.Contains("curriculum.yml")
        );
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_NotAZipOrTooLarge_SaysWhy(string provider)
    {
        var (_, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var __ = client;
        var notZip = await CurriculumZip.UploadAsync(client, "hello"u8.ToArray());
        Assert.True(notZip.Status == HttpStatusCode.OK, $"{notZip.Status} {notZip.Location} {notZip.Text}");
        Assert.Contains(notZip.Errors, e => e == "The upload is not a readable zip file.");
        var tooLarge = await CurriculumZip.UploadAsync(client, new byte[5_000_001]);
        Assert.Equal(HttpStatusCode.OK, tooLarge.Status);
        Assert.Contains(tooLarge.Errors, e => e.Contains("the limit is 5 MB"));
    }
}
