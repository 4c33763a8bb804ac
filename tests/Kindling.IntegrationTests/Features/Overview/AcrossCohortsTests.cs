using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kindling.IntegrationTests.Features.Overview.OverviewArrange;

namespace Kindling.IntegrationTests.Features.Overview;

/// <summary>"/overview": every cohort the person facilitates and no other, with each curriculum's lessons across
/// them.</summary>
[Collection(AppCollection.Name)]
public class AcrossCohortsTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Overview_ListsOnlyCohortsTheCallerFacilitates_WithCombinedNumbers(string provider)
    {
        var app = await apps.GetAsync(provider);
        var mine = await CohortScenario.CreateAsync(app);
        var alsoMine = await CohortScenario.CreateAsync(app);
        var joined = await CohortScenario.CreateAsync(app);
        var strict = await CohortScenario.CreateAsync(app);
        var me = mine.Users["facilitator"].Id;
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            CohortMember Member(Guid cohort, CohortRole role) =>
                new()
                {
                    CohortId = cohort,
                    UserId = me,
                    Role = role,
                    JoinedUtc = now,
                    AcknowledgedUtc = now,
                };
            db.CohortMembers.AddRange(
                Member(alsoMine.CohortId, CohortRole.Facilitator),
                Member(joined.CohortId, CohortRole.Participant),
                Member(strict.CohortId, CohortRole.Facilitator)
            );
            // Asks facilitators for two-factor sign-in, which this one has not set up: its pages stay shut to them.
            await db
                .Cohorts.Where(c => c.Id == strict.CohortId)
                .ExecuteUpdateAsync(x => x.SetProperty(c => c.RequireTwoFactorForFacilitators, true));
            var held = await HeldSessionsAsync(db, alsoMine.CohortId, now, 1);
            var participant = alsoMine.Users["participant"].Id;
            db.Attendance.Add(
                new Kindling.Domain.Attendance
                {
                    SessionId = held[0].Id,
                    UserId = participant,
                    FirstJoinedUtc = now,
                }
            );
            db.SessionFeedback.Add(OverviewContentTests.Feedback(held[0].Id, participant, now, rating: 4));
            return await db.SaveChangesAsync();
        });

        using var client = await mine.ClientAsAsync("facilitator");
        var page = await client.GetAsync("/overview");
        var rows = page
            .Document.QuerySelectorAll("table.cohort-summaries tbody tr")
            .ToDictionary(tr => Guid.Parse(tr.GetAttribute("data-cohort")!));
        Assert.Equal(new[] { mine.CohortId, alsoMine.CohortId }.Order(), rows.Keys.Order());
        Assert.NotNull(rows[mine.CohortId].QuerySelector($"a[href='/cohorts/{mine.CohortId}/overview']"));
        var cells = rows[alsoMine.CohortId].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["2", "1 of 2", "50%", "1 response", "4.0"], cells[..5]);
        Assert.Contains(
            page.Document.QuerySelectorAll("table tbody tr"),
            tr => tr.TextContent.Contains("50% (1 of 2)") && tr.TextContent.Contains("4.0 (1)")
        );
        var charts = page.Document.QuerySelectorAll("svg[role=img]");
        Assert.Equal(2, charts.Length);
        Assert.Contains("50% present (1 of 2)", charts[0].QuerySelector("desc")!.TextContent);
        Assert.Contains("4.0 of 5 from 1 rating", charts[1].QuerySelector("desc")!.TextContent);

        // An instance admin who facilitates none of them sees none of them.
        using var admin = await mine.ClientAsAsync("admin");
        var theirs = await admin.GetAsync("/overview");
        Assert.NotNull(theirs.Document.QuerySelector("#no-cohorts"));
        Assert.Empty(theirs.Document.QuerySelectorAll("table.cohort-summaries tbody tr"));
    }
}
