using System.Net;
using System.Text.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Concerns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>
/// Anonymous means anonymous: after a member files and adds to a report anonymously, nothing in its row, its trail,
/// the notifications and e-mails it caused, the log lines written meanwhile, or any page or export its readers open
/// holds the reporter's account id, e-mail address, name or client address; its times are kept to the hour.
/// </summary>
public class ConcernAnonymityTests
{
    private static readonly IPAddress ClientAddress = IPAddress.Parse("203.0.113.77");

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnonymousReport_LeavesNoTraceOfTheReporter_AnywhereReadersOrAdminsLook(string provider)
    {
        var logs = new LogCapture();
        await using var app = new KindlingApp(
            provider,
            services: s =>
            {
                logs.AddTo(s);
                s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new FakeClientAddress(ClientAddress));
            }
        );
        var s = await ConcernScenario.CreateAsync(app);
        var reporter = s.Users["reporter"];
        string[] traces = [reporter.Id, reporter.Email!, reporter.DisplayName, ClientAddress.ToString()];
        // Somewhere inside an hour, so rounding shows.
        app.Clock.Advance(TimeSpan.FromMinutes(37) + TimeSpan.FromSeconds(11));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        using var client = await s.ClientAsAsync("reporter");
        var form = await client.GetAsync(s.NewUrl);
        Assert.Contains("What anonymous means", form.Text, StringComparison.Ordinal);
        Assert.NotNull(form.Document.QuerySelector("input#identity-anonymous[type=radio]"));
        Assert.NotNull(form.Document.QuerySelector("input#identity-named[checked]"));

        logs.On = true;
        var filed = await s.FileAsync(
            client,
            "The joke in the second session was aimed at me.",
            anonymous: true,
            sessionId: s.Cohort.SessionId
        );
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var added = await client.PostFormAsync(
            filed.ReceiptUrl,
            new Dictionary<string, string> { ["Addition"] = "It was said twice." },
            filed.ReceiptUrl + "?handler=Add"
        );
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        logs.On = false;
        Assert.NotEmpty(logs.Lines);

        var report = await s.ReportAsync(filed.ReportId);
        var events = await s.EventsAsync(filed.ReportId);
        Assert.True(report.Anonymous);
        Assert.Null(report.ReporterId);
        Assert.Equal(ConcernTimes.DownToHour(now), report.FiledUtc);
        Assert.Equal(0, report.FiledUtc.Minute);
        Assert.Equal([ConcernEventKind.Filed, ConcernEventKind.ReporterAdded], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Null(e.ActorId));
        Assert.All(events, e => Assert.Equal("The reporter", e.ActorName));
        Assert.All(events, e => Assert.Equal(TimeSpan.Zero, e.AtUtc - ConcernTimes.DownToHour(e.AtUtc)));

        var (notifications, outbox) = await app.WithDbAsync(async db =>
            (await db.Notifications.AsNoTracking().ToListAsync(), await db.Outbox.AsNoTracking().ToListAsync())
        );
        Assert.NotEmpty(notifications);
        Assert.NotEmpty(outbox);
        var stored = new List<(string Where, string Text)> { ("report", JsonSerializer.Serialize(report)) };
        stored.AddRange(events.Select(e => ("event", JsonSerializer.Serialize(e))));
        stored.AddRange(notifications.Select(n => ("notification", JsonSerializer.Serialize(n))));
        stored.AddRange(outbox.Select(o => ("outbox", JsonSerializer.Serialize(o) + Mail(o.Mime))));
        stored.AddRange(logs.Lines.Select(l => ("log", l)));

        // What the readers open: lists, the report, its exports.
        using var facilitator = await s.ClientAsAsync("facilitator");
        var reportUrl = $"/concerns/{filed.ReportId}";
        foreach (var url in new[] { $"/cohorts/{s.CohortId}/concerns", "/concerns", reportUrl })
            stored.Add(($"page {url}", (await facilitator.GetAsync(url)).Text));
        var markdown = await facilitator.PostFormAsync(
            reportUrl,
            new Dictionary<string, string> { ["format"] = "md" },
            reportUrl + "?handler=Export"
        );
        stored.Add(("markdown export", markdown.Text));
        Assert.Contains("Anonymous", markdown.Text, StringComparison.Ordinal);

        var leaks = stored
            .SelectMany(x =>
                traces.Where(t => x.Text.Contains(t, StringComparison.OrdinalIgnoreCase)).Select(t => $"{x.Where}: {t}")
            )
            .Distinct()
            .ToList();
        Assert.True(leaks.Count == 0, "The reporter shows in:\n" + string.Join("\n", leaks));

        // Their own list shows only named reports; the anonymous one is reached by its receipt alone.
        var mine = await client.GetAsync($"/cohorts/{s.CohortId}/concerns/mine");
        Assert.DoesNotContain(filed.ReportId.ToString(), mine.Text, StringComparison.Ordinal);
    }

    /// <summary>An e-mail as people read it: headers, text and HTML, decoded.</summary>
    private static string Mail(byte[] mime)
    {
        using var stream = new MemoryStream(mime);
        var message = MimeKit.MimeMessage.Load(stream);
        return $"{string.Join("\n", message.Headers)}\n{message.TextBody}\n{message.HtmlBody}";
    }
}
