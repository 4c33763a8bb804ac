using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// Someone waiting in a room whose document is not open yet sees it the moment it opens, whether a facilitator opens
/// it or its opening time comes. The typed client never looks again by itself: only the server's word can bring it.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class LiveOpeningTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WaitingParticipant_GetsTheDocument_AsSoonAsTheFacilitatorOpensIt(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await using var par = await WaitAsync(s);

        await using var fac = new LiveSessionClient(
            LiveClients.Connection(s.App, await CookieAsync(s, "facilitator")),
            s.SessionId
        );
        await fac.Connection.StartAsync();
        LiveAssert.Ok(await fac.OpenAsync());

        await UntilOpenAsync(par);
        Assert.Contains(par.Snapshot!.Sections, x => x.Kind == "roll-call");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WaitingParticipant_GetsTheDocument_AsSoonAsItsOpeningTimeComes(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        // The session starts in 15 minutes and 30 seconds: its room opens by itself in 30 seconds.
        var starts = s.App.Clock.GetUtcNow().UtcDateTime.AddMinutes(15).AddSeconds(30);
        await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).ExecuteUpdateAsync(x => x.SetProperty(y => y.StartsUtc, starts))
        );
        await using var par = await WaitAsync(s);

        s.App.Clock.Advance(TimeSpan.FromSeconds(31)); // nobody loads a page or opens it: the clock alone

        await UntilOpenAsync(par);
        Assert.NotNull(
            await s.App.WithDbAsync(db => db.LiveDocuments.FirstOrDefaultAsync(d => d.SessionId == s.SessionId))
        );
    }

    /// <summary>The participant connects and is told the document is not open yet.</summary>
    private static async Task<LiveSessionClient> WaitAsync(CohortScenario s)
    {
        var par = new LiveSessionClient(
            LiveClients.Connection(s.App, await CookieAsync(s, "participant")),
            s.SessionId
        );
        var waiting = await par.StartAsync();
        Assert.False(waiting.Ok);
        Assert.Equal("The facilitator has not opened this session's document yet.", waiting.Error);
        Assert.Null(par.Snapshot);
        return par;
    }

    private static Task<string> CookieAsync(CohortScenario s, string role) =>
        LiveClients.CookieAsync(s.App, s.Users[role].Email!, CohortScenario.Password);

    private static async Task UntilOpenAsync(LiveSessionClient client)
    {
        var until = DateTime.UtcNow.AddSeconds(LiveAssert.Patience);
        while (client.Snapshot is null)
        {
            Assert.True(DateTime.UtcNow < until, "The waiting participant never received the opened document.");
            await Task.Delay(25);
        }
    }
}
