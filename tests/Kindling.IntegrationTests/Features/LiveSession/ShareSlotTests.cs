using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

[Collection(SecondAppCollection.Name)]
public class ShareSlotTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SecondSession_StartsWithShareSlot_OnlyHttpsLinksAccepted(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var second = await AddSecondSessionAsync(s);
        await LiveClients.OpenDocumentAsync(s);
        await LiveClients.OpenDocumentAsync(s, second);
        await using var first = await LiveClients.JoinAsync(s, "participant");
        Assert.DoesNotContain(first.Snapshot!.Sections, x => x.Kind == "share");

        await using var par = await LiveClients.JoinAsync(s, "participant", second);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator", second);
        // Session 2 of the built-in course has its own ten-minute share activity right after the roll call: its
        // prompt, then the link list.
        var share = par.Snapshot!.Sections.Single(x => x.Kind == "share");
        Assert.Equal(
            (1, 10, "What the community background taught you"),
            (share.ActivityIndex, share.Minutes, share.Title)
        );
        var activity = par.Snapshot.Sections.Where(x => x.ActivityIndex == 1).OrderBy(x => x.Position).ToList();
        Assert.Equal("share", activity[^1].Kind);
        Assert.All(activity[..^1], x => Assert.Equal("share-notes", x.Kind));
        Assert.Equal("roll-call", par.Snapshot.Sections.OrderBy(x => x.Position).First().Kind);
        Assert.Contains("“Community background”", share.Prompt);
        Assert.Contains("link", share.Prompt);
        Assert.Equal("roll-call", par.Snapshot.Sections.First(x => x.ActivityIndex == 0).Kind);
        Assert.True((await fac.GotoAsync(0)).Ok);
        Assert.True((await fac.GotoAsync(1)).Ok);

        foreach (
            var bad in new[]
            {
                "my worksheet is in the drive",
                "http://docs.example.org/ws",
                "javascript:alert(1)",
                "https://",
                "https://docs.example.org/ws and more",
                "/cohorts/x/worksheets/y",
                $"/cohorts/{s.CohortId}/worksheets/{Guid.NewGuid()}/../../admin",
            }
        )
        {
            var refused = await par.AddResponseAsync(share.Id, bad);
            Assert.False(refused.Ok, bad);
            Assert.Equal(
                "Share a link that starts with https:// (for example https://docs.example.org/my-worksheet) "
                    + "or a Kindling worksheet address (/cohorts/…/worksheets/…), with no other text.",
                refused.Error
            );
        }
        var ok = await par.AddResponseAsync(share.Id, "  https://docs.example.org/our-community-background  ");
        Assert.True(ok.Ok, ok.Error);
        Assert.False((await par.EditResponseAsync(ok.Id!.Value, "see above")).Ok);
        Assert.True((await par.EditResponseAsync(ok.Id!.Value, "https://docs.example.org/v2")).Ok);
        var texts = await s.App.WithDbAsync(db =>
            db.LiveResponses.Where(r => r.SectionId == share.Id).Select(r => r.Text).ToListAsync()
        );
        Assert.Equal(["https://docs.example.org/v2"], texts);
        var worksheetLink = $"/cohorts/{s.CohortId}/worksheets/{Guid.NewGuid()}";
        Assert.True((await par.AddResponseAsync(share.Id, worksheetLink)).Ok);
        // Other prompts still take plain text.
        Assert.True(
            (
                await par.AddResponseAsync(
                    par.Snapshot.Sections.First(x => x.Kind == "open-discussion").Id,
                    "Plain words are fine here"
                )
            ).Ok
        );
    }

    internal static Task<Guid> AddSecondSessionAsync(CohortScenario s) =>
        s.App.WithDbAsync(async db =>
        {
            var first = await db.Sessions.SingleAsync(x => x.Id == s.SessionId);
            var lesson = await db
                .Lessons.Where(l =>
                    l.CurriculumId == db.Cohorts.Where(c => c.Id == s.CohortId).Select(c => c.CurriculumId).First()
                )
                .OrderBy(l => l.Order)
                .Skip(1)
                .FirstAsync();
            var session = new Session
            {
                CohortId = s.CohortId,
                LessonId = lesson.Id,
                StartsUtc = first.StartsUtc.AddDays(7),
                CreatedUtc = first.CreatedUtc,
                UpdatedUtc = first.UpdatedUtc,
            };
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return session.Id;
        });
}
