using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;

namespace Kindling.IntegrationTests.Features.LiveSession;

[Collection(SecondAppCollection.Name)]
public class ParticipationTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Participation_CountsPerMember_AnonymousOnlyInTotalUnlessPolicyAllows_ParticipantRefused(
        string provider
    )
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        var section = par.Snapshot!.Sections.First(x => !x.Silent && x.Kind != "roll-call");
        Assert.True((await par.AddResponseAsync(section.Id, "Twelve chars")).Ok);
        Assert.True((await par.AddResponseAsync(section.Id, "An anonymous thought", anonymous: true)).Ok);
        var deleted = await par.AddResponseAsync(section.Id, "Deleted later");
        Assert.True((await par.DeleteResponseAsync(deleted.Id!.Value)).Ok);
        Assert.True((await par.AskAsync("Why?")).Ok);

        var result = await fac.ParticipationAsync();
        Assert.True(result.Ok, result.Error);
        var row = result.Rows.Single(r => r.UserId == s.Users["participant"].Id);
        Assert.Equal(
            (1, 1, "Twelve chars".Length + "Why?".Length, true, "Participant"),
            (row.Responses, row.Questions, row.Characters, row.Present, row.Role)
        );
        Assert.Equal(1, result.AnonymousContributions);
        var observer = result.Rows.Single(r => r.UserId == s.Users["observer"].Id);
        Assert.Equal((0, 0, 0, false), (observer.Responses, observer.Questions, observer.Characters, observer.Present));
        Assert.True(result.Rows.Single(r => r.UserId == s.Users["facilitator"].Id).Present);
        Assert.DoesNotContain(result.Rows, r => r.UserId == s.Users["outsider"].Id);

        await LiveArrange.SetPolicyAsync(s, facilitatorsSeeAnonymousAuthors: true);
        var withPolicy = (await fac.ParticipationAsync()).Rows.Single(r => r.UserId == s.Users["participant"].Id);
        Assert.Equal(2, withPolicy.Responses);
        Assert.Equal("Twelve chars".Length + "An anonymous thought".Length + "Why?".Length, withPolicy.Characters);

        var refused = await par.ParticipationAsync();
        Assert.False(refused.Ok);
        Assert.Equal("Only facilitators can see the participation balance.", refused.Error);
        Assert.Empty(refused.Rows);
        Assert.Equal(0, refused.AnonymousContributions);
    }
}
