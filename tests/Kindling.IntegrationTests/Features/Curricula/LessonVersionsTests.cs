using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Curricula;

/// <summary>Every lesson change is a version: edited with a note, listed, compared and restored.</summary>
[Collection(SecondAppCollection.Name)]
public class LessonVersionsTests(Apps apps)
{
    internal static async Task<(KindlingApp App, PageClient Client, AppUser User, string Slug)> ImportAsync(
        Apps apps,
        string provider
    )
    {
        var app = await apps.GetAsync(provider);
        var user = await app.CreateUserAsync(
            $"ver-{Guid.NewGuid():N}@example.org",
            CohortScenario.Password,
            "UTC",
            InstanceRoles.Facilitator
        );
        var client = app.Client();
        await client.SignInAsync(user.Email!, CohortScenario.Password);
        var slug = "ver-" + Guid.NewGuid().ToString("N")[..8];
        var result = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(CurriculumZip.Valid(slug), slug));
        Assert.True(result.Status == HttpStatusCode.Redirect, string.Join("; ", result.Errors));
        return (app, client, user, slug);
    }

    internal static Task<List<LessonVersion>> VersionsAsync(KindlingApp app, string slug, string lesson) =>
        app.WithDbAsync(db =>
            db.LessonVersions.AsNoTracking()
                .Where(v =>
                    db.Lessons.Any(l =>
                        l.Id == v.LessonId
                        && l.Slug == lesson
                        && db.Curricula.Any(c => c.Id == l.CurriculumId && c.Slug == slug)
                    )
                )
                .OrderBy(v => v.Number)
                .ToListAsync()
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditCompareRestore_ALesson_KeepsEveryVersion(string provider)
    {
        var (app, client, user, slug) = await ImportAsync(apps, provider);
        using var _ = client;
        var url = $"/curricula/{slug}/lessons/second-steps";
        var first = Assert.Single(await VersionsAsync(app, slug, "second-steps"));
        Assert.Equal((1, "import"), (first.Number, first.Origin));

        var changed = CurriculumZip.Lesson("second-steps", 2, "Second steps", "A clearer paragraph.");
        var saved = await client.PostFormAsync(
            url + "/edit",
            new Dictionary<string, string> { ["Source"] = changed, ["Note"] = "Clearer wording after feedback" }
        );

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var edit = (await VersionsAsync(app, slug, "second-steps"))[^1];
        Assert.Equal(
            (2, "edit", "Clearer wording after feedback", user.Id, changed),
            (edit.Number, edit.Origin, edit.Note, edit.CreatedById, edit.Source)
        );
        var list = await client.GetAsync(url + "/versions");
        var rows = list.Document.QuerySelectorAll("table.ld-versions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Clearer wording after feedback", rows[0]);
        Assert.Contains(user.DisplayName, rows[0]);
        Assert.Contains("Imported", rows[1]);

        var diff = await client.GetAsync(url + "/versions/diff?from=1&to=2");
        Assert.Equal(["Removed, line 15: Some **text**."], Texts(diff, ".ld-diff del"));
        Assert.Equal(["Added, line 15: A clearer paragraph."], Texts(diff, ".ld-diff ins"));

        var restored = await client.PostFormAsync(
            url + "/versions/1",
            new Dictionary<string, string> { ["seen"] = "2", ["Note"] = "The first wording read better" },
            url + "/versions/1?handler=Restore"
        );

        Assert.Equal(HttpStatusCode.Redirect, restored.Status);
        var all = await VersionsAsync(app, slug, "second-steps");
        Assert.Equal((3, "restore", (int?)1), (all[^1].Number, all[^1].Origin, all[^1].RestoredFrom));
        Assert.Equal(first.Source, all[^1].Source);
        var lesson = await client.GetAsync(url);
        Assert.Contains("Some <strong>text</strong>.", lesson.Text);

        // Restoring over a change the person has not seen changes nothing and says why; so does a made-up version.
        var stale = await client.PostFormAsync(
            url + "/versions/2",
            new Dictionary<string, string> { ["seen"] = "2" },
            url + "/versions/2?handler=Restore"
        );
        Assert.Contains(stale.Errors, e => e.Contains("it is now at version 3", StringComparison.Ordinal));
        Assert.Equal(3, (await VersionsAsync(app, slug, "second-steps")).Count);
        var missing = await client.GetAsync(url + "/versions/diff?from=1&to=9");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("Version 9 of this lesson does not exist", missing.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task VersionPages_ForSomeoneWhoMayNotEditLessons_AreRefused(string provider)
    {
        var (app, owner, _, slug) = await ImportAsync(apps, provider);
        owner.Dispose();
        var member = await app.CreateUserAsync($"ver-p-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        using var client = app.Client();
        await client.SignInAsync(member.Email!, CohortScenario.Password);
        var url = $"/curricula/{slug}/lessons/second-steps";
        var token = await client.TokenAsync("/");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url + "/versions")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url + "/versions/1")).Status);
        var restore = await client.PostWithTokenAsync(
            url + "/versions/1?handler=Restore",
            new Dictionary<string, string> { ["seen"] = "1" },
            token
        );
        Assert.Equal(HttpStatusCode.Forbidden, restore.Status);
        Assert.Single(await VersionsAsync(app, slug, "second-steps"));
    }

    private static List<string> Texts(PageClient.Page page, string selector) =>
        page
            .Document.QuerySelectorAll(selector)
            .Select(e =>
                string.Join(" ", e.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            )
            .ToList();
}
