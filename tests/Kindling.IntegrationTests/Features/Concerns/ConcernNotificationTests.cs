using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>
/// The readers are told at once, in Kindling and by e-mail (read from a real SMTP server), when a report is filed or
/// added to; a named reporter is told of a reply. No message holds the report's words or the reporter's identity.
/// </summary>
public class ConcernNotificationTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filing_TellsEveryReaderAtOnce_WithoutTheReportOrTheReporter(string provider)
    {
        await using var smtp = new TestSmtp();
        await using var app = new KindlingApp(provider, smtp.Settings);

        // Before there is any safety contact, the form does not offer them and refuses them.
        var lone = await CohortScenario.CreateAsync(app);
        using (var participant = await lone.ClientAsAsync("participant"))
        {
            var form = await participant.GetAsync($"/cohorts/{lone.CohortId}/concerns/new");
            Assert.Null(form.Document.QuerySelector("#audience-safety"));
            var refused = await participant.PostFormAsync(
                $"/cohorts/{lone.CohortId}/concerns/new",
                new Dictionary<string, string>
                {
                    ["Input.What"] = "To the safety contacts",
                    ["Input.Identity"] = "named",
                    ["Input.Audience"] = "safety",
                }
            );
            Assert.Contains(refused.Errors, e => e.Contains("no safety contacts", StringComparison.Ordinal));
            Assert.Equal(0, await app.WithDbAsync(db => db.ConcernReports.CountAsync()));
        }

        var s = await ConcernScenario.CreateAsync(app);
        var secret = $"The words of the report {Guid.NewGuid():N}";
        using var reporter = await s.ClientAsAsync("reporter");
        Assert.NotNull((await reporter.GetAsync(s.NewUrl)).Document.QuerySelector("#audience-safety"));
        var filed = await s.FileAsync(reporter, secret, people: "Sam from the breakout");
        var cohortName = await app.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.Name).SingleAsync()
        );

        var notes = await app.WithDbAsync(db =>
            db.Notifications.Where(n => n.Kind == MessageKind.ConcernReport).ToListAsync()
        );
        Assert.Equal(
            new[] { s.Users["facilitator"].Id, s.Users["facilitator2"].Id }.Order(),
            notes.Select(n => n.UserId).Order()
        );
        Assert.All(notes, n => Assert.Equal($"/concerns/{filed.ReportId}", n.Link));
        Assert.All(notes, n => Assert.Equal($"A concern was reported in {cohortName}", n.Title));
        foreach (var role in new[] { "facilitator", "facilitator2" })
        {
            var mail = await smtp.WaitForAsync(m =>
                m.To.Mailboxes.Any(b => b.Address == s.Users[role].Email)
                && m.Subject?.Contains("A concern was reported", StringComparison.Ordinal) == true
            );
            var all = mail.ToString();
            Assert.Contains($"/concerns/{filed.ReportId}", mail.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("words of the report", all, StringComparison.Ordinal);
            Assert.DoesNotContain("Sam from the breakout", all, StringComparison.Ordinal);
            Assert.DoesNotContain(s.Users["reporter"].DisplayName, all, StringComparison.Ordinal);
            Assert.DoesNotContain(s.Users["reporter"].Email!, all, StringComparison.Ordinal);
        }

        // The reporter adds to it: the readers are told again.
        using var holder = s.App.Client();
        var added = await holder.PostFormAsync(
            filed.ReceiptUrl,
            new Dictionary<string, string> { ["Addition"] = "It happened again." },
            filed.ReceiptUrl + "?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await smtp.WaitForAsync(m =>
            m.To.Mailboxes.Any(b => b.Address == s.Users["facilitator2"].Email)
            && m.Subject?.Contains("More was added", StringComparison.Ordinal) == true
        );
        Assert.Equal(
            4,
            await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == MessageKind.ConcernReport))
        );

        // A reply reaches the named reporter, in Kindling and by e-mail, without its words.
        using var facilitator = await s.ClientAsAsync("facilitator");
        var report = $"/concerns/{filed.ReportId}";
        var replied = await facilitator.PostFormAsync(
            report,
            new Dictionary<string, string> { ["Text"] = "Thank you, we will talk to them today." },
            report + "?handler=Reply"
        );
        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        var toReporter = await app.WithDbAsync(db =>
            db.Notifications.SingleAsync(n => n.UserId == s.Users["reporter"].Id)
        );
        Assert.Equal($"/cohorts/{s.CohortId}/concerns/mine/{filed.ReportId}", toReporter.Link);
        var replyMail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == s.Users["reporter"].Email));
        Assert.DoesNotContain("talk to them today", replyMail.ToString(), StringComparison.Ordinal);
        var own = await reporter.GetAsync(toReporter.Link);
        Assert.Contains("talk to them today", own.Text, StringComparison.Ordinal);

        // Only the chosen facilitator, or only the safety contacts, hear of reports sent to them.
        var one = await s.FileAsync(reporter, "To one", audience: "one", facilitatorId: s.Users["facilitator2"].Id);
        var safety = await s.FileAsync(reporter, "To safety", audience: "safety");
        Task<List<string>> ToldOf(Guid id)
        {
            var link = $"/concerns/{id}";
            return app.WithDbAsync(db =>
                db.Notifications.Where(n => n.Link == link).Select(n => n.UserId).ToListAsync()
            );
        }
        Assert.Equal([s.Users["facilitator2"].Id], await ToldOf(one.ReportId));
        Assert.Equal([s.Users["safety"].Id], await ToldOf(safety.ReportId));
    }
}
