using System.Net;
using System.Text;
using Kindling.IntegrationTests.Features.Curricula;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Forms;

/// <summary>
/// Forms Kindling can't read (a NUL character, thousands of fields, a value or an upload over the limit) get 400 or 413
/// with the app's own page saying which, and nothing is stored; before, each answered 500.
/// </summary>
[Collection(AppCollection.Name)]
public class OverLimitFormTests(Apps apps)
{
    private static async Task<PageClient.Page> PostRawAsync(PageClient client, string pageUrl, string body)
    {
        var token = await client.TokenAsync(pageUrl);
        var content = new StringContent(
            $"__RequestVerificationToken={Uri.EscapeDataString(token)}&{body}",
            Encoding.ASCII,
            "application/x-www-form-urlencoded"
        );
        return await PageClient.Page.FromAsync(await client.Http.PostAsync(pageUrl, content));
    }

    private static void AssertRefusedPage(PageClient.Page page, HttpStatusCode[] statuses, string explanation)
    {
        Assert.Contains(page.Status, statuses);
        Assert.Contains(explanation, page.Document.QuerySelector("main")?.TextContent ?? page.Text);
        Assert.DoesNotContain("Exception", page.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_NulInEmail_Answers400AndSaysWhy(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.Client();
        var page = await PostRawAsync(
            client,
            "/account/signin",
            "Email=someone%00%40example.org&Password=long-enough-password"
        );
        AssertRefusedPage(page, [HttpStatusCode.BadRequest], "a character Kindling can't store");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignUp_NulInInvitationQuery_Answers400AndSaysWhy(string provider)
    {
        var app = await apps.GetAsync(provider);
        using var client = app.Client();
        var page = await client.GetAsync("/account/signup?Invite=abc%00def");
        AssertRefusedPage(page, [HttpStatusCode.BadRequest], "a character Kindling can't use");
    }

    public static TheoryData<string, string, string> CohortBodies()
    {
        var d = new TheoryData<string, string, string>();
        var fields = "Input.Name=Night+cohort&Input.TimeZoneId=UTC&Input.Guidelines=Listen&Input.CodeOfConduct=Kind";
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, fields.Replace("Night+cohort", "Night%00cohort"), "a character Kindling can't store");
            d.Add(p, fields + string.Concat(Enumerable.Range(0, 5000).Select(i => $"&f{i}=1")), "far more fields");
            d.Add(p, fields + "&Input.Description=" + new string('x', 10_000_000), "longer than");
        }
        return d;
    }

    [Theory, MemberData(nameof(CohortBodies))]
    public async Task NewCohort_UnreadableForm_IsRefusedWithReasonAndStoresNothing(
        string provider,
        string body,
        string explanation
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var curriculumId = await s.App.WithDbAsync(db =>
            db.Curricula.Where(c => c.Slug == "foundations").Select(c => c.Id).SingleAsync()
        );
        var before = await s.App.WithDbAsync(db => db.Cohorts.CountAsync());
        var page = await PostRawAsync(client, "/cohorts/new", $"CurriculumId={curriculumId}&{body}");
        AssertRefusedPage(page, [HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge], explanation);
        Assert.Equal(before, await s.App.WithDbAsync(db => db.Cohorts.CountAsync()));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ZipOverTheLimit_Answers413AndStoresNothing(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var before = await s.App.WithDbAsync(db => db.Curricula.CountAsync());
        var page = await CurriculumZip.UploadAsync(client, RandomBytes(6_000_000));
        AssertRefusedPage(page, [HttpStatusCode.RequestEntityTooLarge], "larger than this form accepts");
        Assert.Equal(before, await s.App.WithDbAsync(db => db.Curricula.CountAsync()));
    }

    public static TheoryData<string, string, int, string> BadManifests()
    {
        var d = new TheoryData<string, string, int, string>();
        foreach (var p in new[] { "sqlite", "postgres" })
        {
            d.Add(p, "...\n...\n", 1, "not valid YAML");
            d.Add(p, "title: !<> T\nslug: t\n", 1, "not valid YAML");
            d.Add(p, "title: T\nslug: &s [*s]\n", 2, "Anchors aren't supported");
        }
        return d;
    }

    [Theory, MemberData(nameof(BadManifests))]
    public async Task Import_MalformedManifest_ListsFileAndLineAndStoresNothing(
        string provider,
        string manifest,
        int line,
        string message
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.ClientAsAsync("facilitator");
        var before = await s.App.WithDbAsync(db => db.Curricula.CountAsync());
        var files = CurriculumZip.Valid("bad-manifest");
        files["curriculum.yml"] = manifest;
        var page = await CurriculumZip.UploadAsync(client, CurriculumZip.Build(files, "bad-manifest"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(
            page.Errors,
            e => e.Contains($"curriculum.yml") && e.Contains($"line {line}") && e.Contains(message)
        );
        Assert.Equal(before, await s.App.WithDbAsync(db => db.Curricula.CountAsync()));
    }

    private static byte[] RandomBytes(int length) =>
        System.Security.Cryptography.RandomNumberGenerator.GetBytes(length);
}
