using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Concerns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Concerns;

/// <summary>
/// Resolved and closed reports go, with their trails, once <c>Concerns:RetentionMonths</c> have passed since they
/// were closed; open reports and recently closed ones stay. The job runs by itself every hour.
/// </summary>
public class ConcernRetentionTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Retention_DeletesOnlyReportsClosedLongerAgoThanTheSetting(string provider)
    {
        await using var app = new KindlingApp(
            provider,
            new Dictionary<string, string> { ["Concerns:RetentionMonths"] = "3" }
        );
        var s = await ConcernScenario.CreateAsync(app);
        using var reporter = await s.ClientAsAsync("reporter");
        // The job's first round comes an hour after start; the cases sit just either side of its cut-off.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var runAt = now + ConcernRetention.Every;
        var cases = new (string Name, ConcernStatus Status, DateTime? ClosedUtc, bool Deleted)[]
        {
            ("closed long ago", ConcernStatus.Closed, runAt.AddMonths(-3).AddMinutes(-1), true),
            ("resolved long ago", ConcernStatus.Resolved, runAt.AddMonths(-7), true),
            ("closed recently", ConcernStatus.Closed, runAt.AddMonths(-3).AddMinutes(1), false),
            ("resolved recently", ConcernStatus.Resolved, now.AddDays(-2), false),
            ("open for years", ConcernStatus.InProgress, null, false),
        };
        var ids = new Dictionary<string, Guid>();
        foreach (var c in cases)
        {
            var filed = await s.FileAsync(reporter, c.Name);
            ids[c.Name] = filed.ReportId;
            await app.WithDbAsync(db =>
                db.ConcernReports.Where(r => r.Id == filed.ReportId)
                    .ExecuteUpdateAsync(u =>
                        u.SetProperty(r => r.Status, c.Status)
                            .SetProperty(r => r.ClosedUtc, c.ClosedUtc)
                            .SetProperty(r => r.FiledUtc, now.AddYears(-2))
                    )
            );
        }

        // Nothing runs before the hour is up; then the job deletes what is due, by itself.
        await Task.Delay(200);
        Assert.Equal(cases.Length, await CountAsync(app, ids.Values));
        app.Clock.Advance(ConcernRetention.Every);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await CountAsync(app, ids.Values) > 3 && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        foreach (var c in cases)
        {
            var id = ids[c.Name];
            var (reports, events) = await app.WithDbAsync(async db =>
                (
                    await db.ConcernReports.CountAsync(r => r.Id == id),
                    await db.ConcernEvents.CountAsync(e => e.ReportId == id)
                )
            );
            Assert.True(reports == (c.Deleted ? 0 : 1), $"{c.Name}: {reports} reports");
            Assert.True(c.Deleted ? events == 0 : events > 0, $"{c.Name}: {events} events");
        }
        Assert.Equal(0, await app.Services.GetRequiredService<ConcernRetention>().PurgeAsync());
    }

    private static Task<int> CountAsync(KindlingApp app, IEnumerable<Guid> ids)
    {
        var list = ids.ToList();
        return app.WithDbAsync(db => db.ConcernReports.CountAsync(r => list.Contains(r.Id)));
    }
}
