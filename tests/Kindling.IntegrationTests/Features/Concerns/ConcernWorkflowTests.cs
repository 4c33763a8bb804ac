using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Concerns;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>
/// The readers' workflow: each action adds exactly one event with who and when; the status moves only along the
/// workflow; the reporter sees replies but never notes; and the trail can't be changed or deleted, whatever saves it.
/// </summary>
[Collection(AppCollection.Name)]
public class ConcernWorkflowTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryAction_AddsExactlyOneEventWithActorAndTime(string provider)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using var reporter = await s.ClientAsAsync("reporter");
        var filed = await s.FileAsync(reporter, $"Workflow {Guid.NewGuid():N}");
        var filedEvent = Assert.Single(await s.EventsAsync(filed.ReportId));
        Assert.Equal((ConcernEventKind.Filed, s.Users["reporter"].Id), (filedEvent.Kind, filedEvent.ActorId));
        Assert.Equal(s.App.Clock.GetUtcNow().UtcDateTime, filedEvent.AtUtc);
        Assert.Equal(s.Users["reporter"].Id, (await s.ReportAsync(filed.ReportId)).ReporterId);

        using var f1 = await s.ClientAsAsync("facilitator");
        using var f2 = await s.ClientAsAsync("facilitator2");
        var url = $"/concerns/{filed.ReportId}";
        var steps = new (
            PageClient Client,
            string Role,
            string Handler,
            Dictionary<string, string> Fields,
            ConcernEventKind Kind
        )[]
        {
            (f1, "facilitator", "Status", new() { ["to"] = "acknowledged" }, ConcernEventKind.StatusChanged),
            (f2, "facilitator2", "Note", new() { ["Text"] = "I know them; I'll call." }, ConcernEventKind.Note),
            (f1, "facilitator", "Status", new() { ["to"] = "in-progress" }, ConcernEventKind.StatusChanged),
            (f1, "facilitator", "Reply", new() { ["Text"] = "We are on it." }, ConcernEventKind.Reply),
            (f2, "facilitator2", "Status", new() { ["to"] = "resolved" }, ConcernEventKind.StatusChanged),
            (f1, "facilitator", "Status", new() { ["to"] = "in-progress" }, ConcernEventKind.StatusChanged),
            (f1, "facilitator", "Status", new() { ["to"] = "closed" }, ConcernEventKind.StatusChanged),
            (f2, "facilitator2", "Export", new() { ["format"] = "pdf" }, ConcernEventKind.Exported),
        };
        var count = 1;
        foreach (var (client, role, handler, fields, kind) in steps)
        {
            s.App.Clock.Advance(TimeSpan.FromMinutes(3));
            var answer = await client.PostFormAsync(url, fields, $"{url}?handler={handler}");
            Assert.True(answer.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{handler}: {answer.Status}");
            var events = await s.EventsAsync(filed.ReportId);
            Assert.Equal(++count, events.Count);
            var last = events[^1];
            Assert.Equal(kind, last.Kind);
            Assert.Equal(s.Users[role].Id, last.ActorId);
            Assert.Equal(s.Users[role].DisplayName, last.ActorName);
            Assert.Equal(s.App.Clock.GetUtcNow().UtcDateTime, last.AtUtc);
            var report = await s.ReportAsync(filed.ReportId);
            Assert.Equal(ConcernWorkflow.IsClosed(report.Status), report.ClosedUtc is not null);
            if (fields.TryGetValue("to", out var to))
                Assert.Equal(to, ConcernWorkflow.Value(report.Status));
        }
        var trail = await s.EventsAsync(filed.ReportId);
        Assert.Equal(
            [
                (null, ConcernStatus.New),
                (ConcernStatus.New, ConcernStatus.Acknowledged),
                (ConcernStatus.Acknowledged, ConcernStatus.InProgress),
                (ConcernStatus.InProgress, ConcernStatus.Resolved),
                (ConcernStatus.Resolved, ConcernStatus.InProgress),
                (ConcernStatus.InProgress, ConcernStatus.Closed),
            ],
            trail.Where(e => e.ToStatus is not null).Select(e => (e.FromStatus, e.ToStatus!.Value))
        );

        // The report page shows the whole trail: who did what, when.
        var page = await f1.GetAsync(url);
        var entries = page.Document.QuerySelectorAll(".concern-trail > li").Select(li => li.TextContent).ToList();
        Assert.Equal(trail.Count, entries.Count);
        Assert.Contains(s.Users["facilitator"].DisplayName, entries[1], StringComparison.Ordinal);
        Assert.Contains("Changed the status from new to acknowledged", entries[1], StringComparison.Ordinal);
        Assert.Contains(s.Users["facilitator2"].DisplayName, entries[2], StringComparison.Ordinal);
        Assert.Contains("Added a note", entries[2], StringComparison.Ordinal);
        Assert.Contains("I'll call", entries[2], StringComparison.Ordinal);

        // The reporter reads the reply and the status, never the note.
        var receipt = await reporter.GetAsync(filed.ReceiptUrl);
        Assert.Contains("We are on it.", receipt.Text, StringComparison.Ordinal);
        Assert.Contains(
            "Closed",
            receipt.Document.QuerySelector(".concern-status")!.TextContent,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("I'll call", receipt.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("I&#x27;ll call", receipt.Text, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task StatusOutsideTheWorkflow_IsRefusedWithAMessage_AndChangesNothing(string provider)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using var reporter = await s.ClientAsAsync("reporter");
        var filed = await s.FileAsync(reporter, $"Skip ahead {Guid.NewGuid():N}");
        using var facilitator = await s.ClientAsAsync("facilitator");
        var url = $"/concerns/{filed.ReportId}";
        foreach (
            var (to, message) in new[]
            {
                ("resolved", "can't be marked resolved"),
                ("gone", "Choose one of the status buttons"),
            }
        )
        {
            var answer = await facilitator.PostFormAsync(
                url,
                new Dictionary<string, string> { ["to"] = to },
                $"{url}?handler=Status"
            );
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Contains(answer.Errors, e => e.Contains(message, StringComparison.Ordinal));
        }
        foreach (var handler in new[] { "Note", "Reply" })
        {
            var empty = await facilitator.PostFormAsync(
                url,
                new Dictionary<string, string> { ["Text"] = " " },
                $"{url}?handler={handler}"
            );
            Assert.Contains(empty.Errors, e => e.StartsWith("Write the", StringComparison.Ordinal));
            var long_ = await facilitator.PostFormAsync(
                url,
                new Dictionary<string, string> { ["Text"] = new string('x', 10_001) },
                $"{url}?handler={handler}"
            );
            Assert.Contains(long_.Errors, e => e.Contains("at most 10,000 characters", StringComparison.Ordinal));
        }
        Assert.Equal(ConcernStatus.New, (await s.ReportAsync(filed.ReportId)).Status);
        Assert.Single(await s.EventsAsync(filed.ReportId));
        // The first step offered is "Acknowledge".
        var page = await facilitator.GetAsync(url);
        Assert.Equal("Acknowledge", page.Document.QuerySelector("form[action*=Status] button")!.TextContent.Trim());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Events_CannotBeChangedOrDeleted_ThroughAnySave(string provider)
    {
        var s = await ConcernScenario.CreateAsync(await apps.GetAsync(provider));
        using var reporter = await s.ClientAsAsync("reporter");
        var filed = await s.FileAsync(reporter, $"Keep it {Guid.NewGuid():N}");
        var attempts = new Func<Kindling.Data.KindlingDb, Task>[]
        {
            async db => (await db.ConcernEvents.FirstAsync(e => e.ReportId == filed.ReportId)).Text = "rewritten",
            async db => db.ConcernEvents.Remove(await db.ConcernEvents.FirstAsync(e => e.ReportId == filed.ReportId)),
            async db =>
                db.ConcernReports.Remove(
                    await db.ConcernReports.Include(r => r.Events).FirstAsync(r => r.Id == filed.ReportId)
                ),
        };
        foreach (var attempt in attempts)
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                s.App.WithDbAsync(async db =>
                {
                    await attempt(db);
                    return await db.SaveChangesAsync();
                })
            );
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
        var left = Assert.Single(await s.EventsAsync(filed.ReportId));
        Assert.Null(left.Text);
    }
}
