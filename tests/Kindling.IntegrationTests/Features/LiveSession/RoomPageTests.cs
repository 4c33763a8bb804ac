using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>The server-rendered live room: who may open it, and what each reader's first view shows (and never
/// shows).</summary>
[Collection(SecondAppCollection.Name)]
public class RoomPageTests(Apps apps)
{
    private static string RoomUrl(CohortScenario s) => $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/live";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomPage_Outsider_GetsNotFound(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var outsider = await s.ClientAsAsync("outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(RoomUrl(s))).Status);
        // A session of another cohort under this cohort's address is not found either.
        var other = await CohortScenario.CreateAsync(s.App);
        using var facilitator = await s.ClientAsAsync("facilitator");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await facilitator.GetAsync($"/cohorts/{s.CohortId}/sessions/{other.SessionId}/live")).Status
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomPage_MemberWhoHasNotAcknowledged_IsSentToTheWelcomePage(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var newcomer = await s.App.CreateUserAsync($"new-{Guid.NewGuid():N}@example.org", CohortScenario.Password);
        await s.App.WithDbAsync(async db =>
        {
            var cohort = await db.Cohorts.Include(c => c.Members).FirstAsync(c => c.Id == s.CohortId);
            cohort.AddMember(newcomer.Id, CohortRole.Participant, DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        using var client = s.App.Client();
        await client.SignInAsync(newcomer.Email!, CohortScenario.Password);
        var page = await client.GetAsync(RoomUrl(s));
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal($"/cohorts/{s.CohortId}/welcome", page.Location?.OriginalString);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomPage_BeforeTheDocumentOpens_SaysWhenAndOffersFacilitatorsToOpenIt(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        var page = await participant.GetAsync(RoomUrl(s));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("not open yet", page.Document.QuerySelector("#room-closed")!.TextContent);
        Assert.Null(page.Document.QuerySelector("#room-open"));
        Assert.Empty(page.Document.QuerySelectorAll("#room-doc article"));
        Assert.False(await s.App.WithDbAsync(db => db.LiveDocuments.AnyAsync(d => d.SessionId == s.SessionId)));

        using var facilitator = await s.ClientAsAsync("facilitator");
        var facPage = await facilitator.GetAsync(RoomUrl(s));
        Assert.NotNull(facPage.Document.QuerySelector("button#room-open"));
        Assert.NotNull(facPage.Document.QuerySelector("#room-ros"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomPage_OtherReaders_SeeNeitherAnonymousAuthorsNorUnrevealedSilentNotes(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        var authorName = s.Users["participant"].DisplayName;
        await using (var par = await LiveClients.JoinAsync(s, "participant"))
        {
            var open = par.Snapshot!.Sections.First(x => !x.Silent && x.Kind != "roll-call");
            var silent = par.Snapshot.Sections.First(x => x.Silent);
            Assert.True((await par.AddResponseAsync(open.Id, "An unsigned thought", anonymous: true)).Ok);
            Assert.True((await par.AddResponseAsync(silent.Id, "A note written in silence")).Ok);
        }

        using var observer = await s.ClientAsAsync("observer");
        var page = await observer.GetAsync(RoomUrl(s));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var anonymous = page
            .Document.QuerySelectorAll("#room-doc li.response")
            .Single(li => li.TextContent.Contains("An unsigned thought"));
        Assert.Equal("Anonymous", anonymous.QuerySelector(".who")!.TextContent.Trim());
        // Nowhere on the page, including the snapshot the script starts from.
        Assert.DoesNotContain(authorName, page.Text);
        Assert.DoesNotContain("A note written in silence", page.Text);
        Assert.Contains("You are observing", page.Text);

        using var author = await s.ClientAsAsync("participant");
        var own = await author.GetAsync(RoomUrl(s));
        Assert.Contains("A note written in silence", own.Document.QuerySelector("#room-doc")!.TextContent);
        var mine = own
            .Document.QuerySelectorAll("#room-doc li.response")
            .Single(li => li.TextContent.Contains("An unsigned thought"));
        Assert.Equal("You (anonymous to others)", mine.QuerySelector(".who")!.TextContent.Trim());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomAndSessionDetails_Member_LinkToPrintableDocumentMarkdownAndFeedback(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        var basePath = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}";
        using var participant = await s.ClientAsAsync("participant");
        foreach (var url in new[] { RoomUrl(s), basePath })
        {
            var page = await participant.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var links = page.Document.QuerySelectorAll("a").ToList();
            Assert.Equal(
                basePath + "/document",
                links.Single(a => a.TextContent.Trim() == "Printable document").GetAttribute("href")
            );
            var markdown = links.Single(a => a.TextContent.Trim() == "Download as Markdown (.md)");
            Assert.Equal(basePath + "/document.md", markdown.GetAttribute("href"));
            Assert.True(markdown.HasAttribute("download"), $"The Markdown link on {url} should download the file.");
            Assert.Equal(
                basePath + "/feedback",
                links.Single(a => a.TextContent.Trim() == "Give feedback on this session").GetAttribute("href")
            );
        }
        // Each link leads somewhere a member may go.
        foreach (var target in new[] { "/document", "/document.md", "/feedback" })
            Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync(basePath + target)).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SessionDetails_Member_LinksToTheLiveRoom(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var participant = await s.ClientAsAsync("participant");
        var page = await participant.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}");
        var link = page.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Join the live room");
        Assert.Equal(RoomUrl(s), link.GetAttribute("href"));
    }
}
