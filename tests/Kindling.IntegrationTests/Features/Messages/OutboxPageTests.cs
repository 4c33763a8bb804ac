using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Messages.OutboxApp;

namespace Kindling.IntegrationTests.Features.Messages;

/// <summary>The admin's Outbox page: what was sent, what failed, a test message; admins only, sign-in links hidden.</summary>
[Collection(AppCollection.Name)]
public class OutboxPageTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OnlyAdmins_SeeTheOutbox(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var id = await MailAsync(s.App, $"o-{Guid.NewGuid():N}@example.org", Sample(MessageKind.Invitation));

        foreach (var role in new[] { "facilitator", "participant", "observer", "outsider" })
        {
            using var client = await s.ClientAsAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/outbox")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/outbox/{id}")).Status);
        }
        using var anonymous = s.App.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/admin/outbox")).Status);
        using var admin = await s.ClientAsAsync("admin");
        var list = await admin.GetAsync("/admin/outbox");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.NotNull(list.Document.QuerySelector($"a[href='/admin/outbox/{id}']"));
    }

    [Fact]
    public async Task TestMessage_IsQueued_AndAccountMailTextStaysHidden()
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync("sqlite"));
        using var admin = await s.ClientAsAsync("admin");
        var address = $"t-{Guid.NewGuid():N}@example.org";

        var bad = await admin.PostFormAsync(
            "/admin/outbox",
            new Dictionary<string, string> { ["TestAddress"] = "nope" },
            "/admin/outbox?handler=Test"
        );
        var sent = await admin.PostFormAsync(
            "/admin/outbox",
            new Dictionary<string, string> { ["TestAddress"] = address },
            "/admin/outbox?handler=Test"
        );
        var row = (await RowsToAsync(s.App, address)).Single();
        var page = await admin.GetAsync($"/admin/outbox/{row.Id}");
        var eml = await admin.Http.GetAsync($"/admin/outbox/{row.Id}?handler=Eml");

        Assert.Contains("Enter an e-mail address, e.g. name@example.org.", bad.Errors);
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(MessageKind.Account, row.Kind);
        Assert.Contains("its text is not shown here", page.Text);
        Assert.DoesNotContain("If you can read it", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, eml.StatusCode);
    }

    [Fact]
    public async Task FailedMessage_ShowsItsError_AndCanBeTriedAgain()
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync("sqlite"));
        var address = $"f-{Guid.NewGuid():N}@example.org";
        var id = await MailAsync(s.App, address, Sample(MessageKind.Invitation, "Come along"));
        // Let the sender finish with it first, then make it a message that failed for good.
        await OutboxTests.WaitAsync(async () => (await RowAsync(s.App, id)).State == OutboxState.Sent);
        await s.App.WithDbAsync(db =>
            db.Outbox.Where(m => m.Id == id)
                .ExecuteUpdateAsync(u =>
                    u.SetProperty(m => m.State, OutboxState.Failed)
                        .SetProperty(m => m.Attempts, 8)
                        .SetProperty(m => m.LastError, "Refused by the mail server (550): no such user")
                )
        );
        using var admin = await s.ClientAsAsync("admin");

        var failed = await admin.GetAsync("/admin/outbox?state=Failed");
        var view = await admin.GetAsync($"/admin/outbox/{id}");
        var retry = await admin.PostFormAsync(
            "/admin/outbox",
            new Dictionary<string, string> { ["id"] = id.ToString() },
            "/admin/outbox?handler=Retry"
        );
        await OutboxTests.WaitAsync(async () => (await RowAsync(s.App, id)).State == OutboxState.Sent);

        var row = failed.Document.QuerySelector($"#msg-{id}")!.TextContent;
        Assert.Contains("Failed", row);
        Assert.Contains("no such user", row);
        Assert.Contains("Come along", view.Text);
        Assert.Contains("Invitation", row);
        Assert.Equal(HttpStatusCode.Redirect, retry.Status);
    }
}
