using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// Text with a NUL character (which PostgreSQL can't store) sent through the hub is refused with a sentence and
/// stores nothing; it doesn't fail the writes of others committed with it.
/// </summary>
[Collection(SecondAppCollection.Name)]
public class LiveControlCharacterTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NulCharacterInText_IsRefusedWithAReason_OthersStillWrite(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        await using var par = await LiveClients.JoinAsync(s, "participant");
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        var section = par.Snapshot!.Sections.First(x => !x.Silent).Id;

        var refused = await Task.WhenAll(
            par.AddResponseAsync(section, "before\0after"),
            par.AskAsync("a question\0"),
            par.RollCallAsync("here\0")
        );
        var fine = await fac.AddResponseAsync(section, "A welcome that must still land");

        Assert.All(refused, ack => Assert.False(ack.Ok));
        Assert.All(refused, ack => Assert.Contains("control character", ack.Error));
        LiveAssert.Ok(fine);
        var stored = await s.App.WithDbAsync(db =>
            db.LiveResponses.Where(r => r.SessionId == s.SessionId).Select(r => r.Text).ToListAsync()
        );
        Assert.Equal(["A welcome that must still land"], stored);
    }
}
