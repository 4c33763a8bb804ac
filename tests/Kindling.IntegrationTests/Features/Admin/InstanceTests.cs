using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Features.LiveSession;
using Kindling.IntegrationTests.Infrastructure;

namespace Kindling.IntegrationTests.Features.Admin;

/// <summary>The admin page with the state of the instance: what an operator sees there, and who may see it.</summary>
[Collection(AppCollection.Name)]
public class InstanceTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InstancePage_Admin_SeesVersionDatabaseOutboxHealthAndTheLiveSessionWithItsParticipant(
        string provider
    )
    {
        var app = await apps.GetAsync(provider);
        await using var room = await LiveRoom.OpenAsync(app);
        await room.JoinAsync("participant");
        await app.WithDbAsync(db =>
        {
            db.Outbox.Add(
                new OutboxMessage
                {
                    ToAddress = "waiting@example.org",
                    Subject = "Waiting for the instance page",
                    State = OutboxState.Pending,
                    CreatedUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(-400), // older than anything else
                    NextAttemptUtc = app.Clock.GetUtcNow().UtcDateTime.AddDays(1),
                }
            );
            return db.SaveChangesAsync();
        });
        using var admin = await room.S.ClientAsAsync("admin");

        var page = await admin.GetAsync("/admin/instance");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var facts = Facts(page);
        Assert.Matches(@"^\d+\.\d+\.\d+", facts["Version"]);
        Assert.Matches("^[0-9a-f]{7,40}$|^not known$", facts["Commit"]);
        Assert.Contains("since", facts["Running for"]);
        Assert.Contains(".NET", facts["Runtime"]);
        Assert.Contains(provider == "sqlite" ? "SQLite file" : "PostgreSQL database", facts["Database"]);
        Assert.StartsWith("All ", facts["Migrations"]);
        Assert.NotEqual("none", facts["Last applied"]);
        Assert.Matches(@"^\d+$", facts["Waiting"]);
        Assert.Contains("400 days", facts["Oldest waiting"]);
        var health = page.Document.QuerySelector("#health-h")!.TextContent;
        Assert.Equal("Health: Healthy", health);
        var check = page.Document.QuerySelectorAll("section[aria-labelledby=health-h] tbody tr").Single();
        Assert.Equal("database", check.QuerySelector("th")!.TextContent);
        Assert.Equal("Healthy", check.QuerySelector("td")!.TextContent);
        Assert.Contains("Not configured", page.Document.QuerySelector("section[aria-labelledby=redis-h]")!.TextContent);
        var live = page.Document.QuerySelector($"#live-{room.SessionId}");
        Assert.NotNull(live);
        var cells = live.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith("Spring cohort", cells[0]);
        Assert.Equal("1", cells[^1]); // people connected
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/outbox");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InstancePage_LinkedFromTheAdminPage_AndRefusedToFacilitatorsAndParticipants(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        using var admin = await s.ClientAsAsync("admin");
        var adminPage = await admin.GetAsync("/admin");
        Assert.Contains(adminPage.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/admin/instance");

        foreach (var role in new[] { "facilitator", "participant" })
        {
            using var client = await s.ClientAsAsync(role);
            var page = await client.GetAsync("/admin/instance");
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.DoesNotContain("Migrations", page.Text);
        }
        using var anonymous = s.App.Client();
        var signedOut = await anonymous.GetAsync("/admin/instance");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        Assert.Contains("/account/signin", signedOut.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Every term of the page's definition lists with its description, as text.</summary>
    private static Dictionary<string, string> Facts(PageClient.Page page) =>
        page
            .Document.QuerySelectorAll("dl.facts dt")
            .ToDictionary(
                dt => dt.TextContent.Trim(),
                dt =>
                    System.Text.RegularExpressions.Regex.Replace(dt.NextElementSibling!.TextContent, @"\s+", " ").Trim()
            );
}
