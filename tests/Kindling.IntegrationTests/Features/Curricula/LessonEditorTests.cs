using System.Net;
using System.Net.Http.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>The lesson editor: save, refuse broken changes whole, preview with and without JavaScript.</summary>
[Collection(SecondAppCollection.Name)]
public class LessonEditorTests(Apps apps)
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

    private static async Task ImportAsync(PageClient client, string slug)
    {
        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(CurriculumZip.Valid(slug), slug));
        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join("; ", result.Errors));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditLesson_ValidChange_IsSavedAndShown(string provider)
    {
        var (app, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var _ = client;
        var slug = NewSlug();
        await ImportAsync(client, slug);
        var url = $"/curricula/{slug}/lessons/second-steps";
        var edit = await client.GetAsync(url + "/edit");
        Assert.Contains("title: Second steps", edit.Document.QuerySelector("textarea.code")!.TextContent);

        var changed = CurriculumZip.Lesson("second-steps", 2, "Second steps, revised", "A *new* paragraph.");
        var saved = await client.PostFormAsync(url + "/edit", new Dictionary<string, string> { ["Source"] = changed });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var lesson = await client.GetAsync(url);
        Assert.Equal("Second steps, revised", lesson.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("<em>new</em>", lesson.Text);
        Assert.Equal(changed, await StoredSourceAsync(app, slug, "second-steps"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditLesson_BrokenChange_ShowsLineKeepsTextAndSavesNothing(string provider)
    {
        var (app, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var _ = client;
        var slug = NewSlug();
        await ImportAsync(client, slug);
        var url = $"/curricula/{slug}/lessons/first-steps/edit";
        var original = await StoredSourceAsync(app, slug, "first-steps");
        var broken = original.Replace("minutes: 20", "minutes: 500");

        var result = await client.PostFormAsync(url, new Dictionary<string, string> { ["Source"] = broken });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Contains(
            result.Errors,
            e =>
                e.StartsWith(
                    "one.md, line 12: 'minutes' must be a whole number from 1 to 180",
                    StringComparison.Ordinal
                )
        );
        Assert.Equal(broken, result.Document.QuerySelector("textarea.code")!.TextContent);
        Assert.Contains("minutes: 500", result.Document.QuerySelector("#line-12 code")!.TextContent);
        Assert.Equal(original, await StoredSourceAsync(app, slug, "first-steps"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditLesson_PreviewWithoutJs_RendersButSavesNothing(string provider)
    {
        var (app, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var _ = client;
        var slug = NewSlug();
        await ImportAsync(client, slug);
        var url = $"/curricula/{slug}/lessons/first-steps/edit";
        var original = await StoredSourceAsync(app, slug, "first-steps");
        var draft = original.Replace("Some **text**.", "Draft words <script>alert(1)</script>");

        var result = await client.PostFormAsync(
            url,
            new Dictionary<string, string> { ["Source"] = draft },
            url + "?handler=Preview"
        );

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var preview = result.Document.QuerySelector(".preview")!.InnerHtml;
        Assert.Contains("Draft words", preview);
        Assert.DoesNotContain("<script", preview);
        Assert.Equal(original, await StoredSourceAsync(app, slug, "first-steps"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PreviewEndpoint_ScriptInBody_IsStripped(string provider)
    {
        var (_, client) = await SignInAsync(provider, InstanceRoles.Facilitator);
        using var __ = client;
        var source = CurriculumZip.Lesson("x", 1, "X", "Hello <script>alert(1)</script> [link](javascript:alert(2))");
        var response = await client.Http.PostAsJsonAsync("/curricula/preview", new { fileName = "x.md", source });
        var body = await response.Content.ReadFromJsonAsync<PreviewAnswer>();
        Assert.True(body!.Ok);
        Assert.Contains("Hello", body.Html);
        Assert.DoesNotContain("<script", body.Html);
        Assert.DoesNotContain("javascript:", body.Html);

        var bad = await client.Http.PostAsJsonAsync(
            "/curricula/preview",
            new { fileName = "x.md", source = source.Replace("order: 1", "order: zero") }
        );
        var error = await bad.Content.ReadFromJsonAsync<PreviewAnswer>();
        Assert.False(error!.Ok);
        Assert.StartsWith("x.md, line 3:", error.Error);
    }

    private sealed record PreviewAnswer(bool Ok, string? Html, string? Error);

    private static Task<string> StoredSourceAsync(KindlingApp app, string slug, string lesson) =>
        app.WithDbAsync(db =>
            db.Lessons.Where(l => l.Slug == lesson && db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == slug))
                .Select(l => l.Source)
                .SingleAsync()
        );
}
