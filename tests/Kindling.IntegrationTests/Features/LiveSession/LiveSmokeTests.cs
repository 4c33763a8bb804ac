using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;

namespace Kindling.IntegrationTests.Features.LiveSession;

[Collection(SecondAppCollection.Name)]
public class LiveSmokeTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FacilitatorOpensEarly_ParticipantPosts_FacilitatorReceivesItInOrder(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await using var fac = new LiveSessionClient(
            LiveClients.Connection(
                s.App,
                await LiveClients.CookieAsync(s.App, s.Users["facilitator"].Email!, CohortScenario.Password)
            ),
            s.SessionId
        );
        var before = await fac.StartAsync();
        Assert.False(before.Ok);
        Assert.Contains("not opened", before.Error);
        Assert.True((await fac.OpenAsync()).Ok);
        Assert.True((await fac.JoinAsync()).Ok);
        await using var par = await LiveClients.JoinAsync(s, "participant");
        var section = par.Snapshot!.Sections.First(x => !x.Silent);
        var ack = await par.AddResponseAsync(section.Id, "Hello from the participant");
        Assert.True(ack.Ok, ack.Error);
        await fac.WaitForAsync(events => events.Any(e => e.Seq == ack.Seq && e.Type == EventTypes.ResponseAdded));
        Assert.Contains(
            "Hello from the participant",
            fac.AppliedEvents.Single(e => e.Seq == ack.Seq).Data.GetRawText()
        );
    }
}
