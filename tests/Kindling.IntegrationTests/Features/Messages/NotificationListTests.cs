using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Messages.NotificationArrange;

namespace Kindling.IntegrationTests.Features.Messages;

[Collection(AppCollection.Name)]
public class NotificationListTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bell_CountsOwnUnreadOnly_OpeningMarksRead_MarkAllClears(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var mine = await AddAsync(s.App, s.Users["participant"].Id, 3, link: $"/cohorts/{s.CohortId}");
        var theirs = await AddAsync(s.App, s.Users["facilitator"].Id, 5);
        using var par = await s.ClientAsAsync("participant");

        var home = await par.GetAsync("/");
        Assert.Equal("Notifications, 3 unread", Bell(home));
        Assert.Equal("/notifications", home.Document.QuerySelector("[data-bell]")!.GetAttribute("href"));

        // Someone else's notification is not there to open, and opening it marks nothing.
        var foreign = await par.GetAsync($"/notifications/{theirs[0]}/open");
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Null(
            await s.App.WithDbAsync(db =>
                db.Notifications.Where(n => n.Id == theirs[0]).Select(n => n.ReadUtc).SingleAsync()
            )
        );

        var opened = await par.GetAsync($"/notifications/{mine[1]}/open");
        Assert.Equal(HttpStatusCode.Redirect, opened.Status);
        Assert.Equal($"/cohorts/{s.CohortId}", opened.Location!.OriginalString);
        Assert.Equal("Notifications, 2 unread", Bell(await par.GetAsync("/")));

        var list = await par.GetAsync("/notifications");
        var items = list.Document.QuerySelectorAll("ol.notifications > li").ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(["unread", "read", "unread"], items.Select(i => i.ClassName!).ToList());
        Assert.Contains("Something happened 3", items[0].TextContent); // newest first
        Assert.Contains("Unread:", items[0].TextContent);
        Assert.Contains("Read:", items[1].TextContent);
        Assert.Equal($"/notifications/{mine[2]}/open", items[0].QuerySelector("a")!.GetAttribute("href"));

        var cleared = await par.PostFormAsync(
            "/notifications",
            new Dictionary<string, string>(),
            "/notifications?handler=ReadAll"
        );
        Assert.Equal(HttpStatusCode.Redirect, cleared.Status);
        var after = await par.GetAsync("/notifications");
        Assert.Equal("Notifications", Bell(after));
        Assert.Null(after.Document.QuerySelector("[data-bell] .badge"));
        Assert.Empty(after.Document.QuerySelectorAll("ol.notifications > li.unread"));
        // The facilitator's stay unread.
        using var fac = await s.ClientAsAsync("facilitator");
        Assert.Equal("Notifications, 5 unread", Bell(await fac.GetAsync("/")));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task List_PagesByFifty_CountCapsAt99Plus(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await AddAsync(s.App, s.Users["participant"].Id, 120);
        using var par = await s.ClientAsAsync("participant");

        var first = await par.GetAsync("/notifications");
        Assert.Equal("Notifications, 99+ unread", Bell(first));
        Assert.Equal(50, first.Document.QuerySelectorAll("ol.notifications > li").Length);
        Assert.Contains("Something happened 120", first.Document.QuerySelector("ol.notifications > li")!.TextContent);
        Assert.NotNull(first.Document.QuerySelector("a[href='/notifications?page=2']"));
        Assert.Null(first.Document.QuerySelector("a[href='/notifications?page=0']"));

        var third = await par.GetAsync("/notifications?page=3");
        var items = third.Document.QuerySelectorAll("ol.notifications > li").ToList();
        Assert.Equal(20, items.Count);
        Assert.Contains("Something happened 1", items[^1].TextContent);
        Assert.Null(third.Document.QuerySelector("a[href='/notifications?page=4']"));
        Assert.NotNull(third.Document.QuerySelector("a[href='/notifications?page=2']"));
        Assert.Equal(HttpStatusCode.NotFound, (await par.GetAsync("/notifications?page=4")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await par.GetAsync("/notifications?page=0")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await par.GetAsync("/notifications?page=two")).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Notifications_NeedSignIn_AndOpenNeverLeavesTheSite(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var ids = await AddAsync(s.App, s.Users["participant"].Id, 1, link: "//evil.example/steal");
        using var anonymous = s.App.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/notifications")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/notifications/{ids[0]}/open")).Status);
        Assert.Null((await anonymous.GetAsync("/")).Document.QuerySelector("[data-bell]"));

        using var par = await s.ClientAsAsync("participant");
        var opened = await par.GetAsync($"/notifications/{ids[0]}/open");
        Assert.Equal("/notifications", opened.Location!.OriginalString);
    }
}
