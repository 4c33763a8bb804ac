using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Charter;

/// <summary>Publishing: a stable public address that shows only the charter, and goes away on unpublish.</summary>
[Collection(SecondAppCollection.Name)]
public class PublishCharterTests(Apps apps)
{
    private static Task<PageClient.Page> PostAsync(
        PageClient client,
        CharterScenario s,
        string handler,
        string? tokenPage = null
    ) =>
        client.PostFormAsync(
            tokenPage ?? s.PageUrl,
            new Dictionary<string, string>(),
            $"{s.PageUrl}?handler={handler}"
        );

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Publish_Lifecycle_PublicPageFollowsPublishUnpublishRepublish(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        using var anonymous = s.Cohort.App.Client();
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await anonymous.GetAsync("/charters/riverside-bike-kitchen-abcdef")).Status
        );

        var published = await PostAsync(owner, s, "Publish");

        Assert.Equal(HttpStatusCode.Redirect, published.Status);
        var slug = await s.SlugAsync();
        Assert.NotNull(slug);
        Assert.Matches("^riverside-bike-kitchen-[a-z0-9]+-[a-z0-9]{6}$", slug);
        var page = await anonymous.GetAsync($"/charters/{slug}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(s.ProjectName, page.Document.QuerySelector("h1")!.TextContent);
        Assert.Contains("Every neighbour can fix a bike.", page.Text);
        Assert.Contains("Town council", page.Text);
        Assert.NotNull(page.Document.QuerySelector("#stakeholders figure.charter-diagram svg title"));
        Assert.Contains("Malvika Sharan", page.Document.QuerySelector(".charter-footer")!.TextContent);
        var md = await anonymous.Http.GetAsync($"/charters/{slug}.md");
        Assert.Equal(HttpStatusCode.OK, md.StatusCode);
        Assert.Equal("text/markdown", md.Content.Headers.ContentType!.MediaType);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, s, "Unpublish")).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/charters/{slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync($"/charters/{slug}.md")).StatusCode);
        Assert.Equal(slug, await s.SlugAsync());

        await s.SetVisionAsync("Every street has a repair corner.");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(owner, s, "Publish")).Status);

        Assert.Equal(slug, await s.SlugAsync());
        var again = await anonymous.GetAsync($"/charters/{slug}");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Every street has a repair corner.", again.Text);
        Assert.DoesNotContain("Every neighbour can fix a bike.", again.Text);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublicPage_ShowsOnlyTheCharter(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        await PostAsync(owner, s, "Publish");
        var slug = await s.SlugAsync();
        var cohortName = await s.Cohort.App.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.Cohort.CohortId).Select(c => c.Name).FirstAsync()
        );
        using var anonymous = s.Cohort.App.Client();

        var page = await anonymous.GetAsync($"/charters/{slug}");
        var md = await anonymous.Http.GetStringAsync($"/charters/{slug}.md");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var text in new[] { page.Text, md })
        {
            Assert.DoesNotContain(cohortName, text);
            foreach (var user in s.Cohort.Users.Values)
            {
                Assert.DoesNotContain(user.Email!, text);
                Assert.DoesNotContain(user.DisplayName, text);
            }
            Assert.DoesNotContain("/cohorts/", text);
            Assert.DoesNotContain("/worksheets/", text);
            Assert.DoesNotContain(s.WorksheetId.ToString(), text);
            Assert.DoesNotContain("fill in Mission", text);
            Assert.Contains("This part of the charter has not been written yet.", text.Replace("\\.", "."));
        }
        Assert.Contains(
            "From the worksheet ‘Vision, mission and roadmap’, updated",
            System.Text.RegularExpressions.Regex.Replace(
                page.Document.QuerySelector("#vision .meta")!.TextContent,
                @"\s+",
                " "
            )
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublicPage_SignedInMember_SeesTheSameAsAnyone(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");
        await PostAsync(owner, s, "Publish");

        var page = await owner.GetAsync($"/charters/{await s.SlugAsync()}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("/worksheets/", page.Text);
        Assert.Empty(page.Document.QuerySelectorAll("form[action*='handler=']"));
    }

    [Theory]
    [InlineData("sqlite", "facilitator")]
    [InlineData("sqlite", "observer")]
    [InlineData("sqlite", "outsider")]
    [InlineData("postgres", "facilitator")]
    [InlineData("postgres", "observer")]
    [InlineData("postgres", "outsider")]
    public async Task Publish_NotAManager_404AndNothingPublished(string provider, string role)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var client = await s.Cohort.ClientAsAsync(role);

        var result = await PostAsync(client, s, "Publish", tokenPage: "/account/profile");

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        var state = await s.Cohort.App.WithDbAsync(db =>
            db.Projects.Where(p => p.Id == s.ProjectId)
                .Select(p => new { p.CharterSlug, p.PublishedCharterJson })
                .FirstAsync()
        );
        Assert.Null(state.CharterSlug);
        Assert.Null(state.PublishedCharterJson);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Publish_WithoutAntiforgeryToken_IsRefused(string provider)
    {
        var s = await CharterScenario.CreateAsync(await apps.GetAsync(provider));
        using var owner = await s.Cohort.ClientAsAsync("participant");

        var response = await owner.Http.PostAsync(
            $"{s.PageUrl}?handler=Publish",
            new FormUrlEncodedContent(new Dictionary<string, string>())
        );

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await s.SlugAsync());
    }
}
