using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kindling.IntegrationTests.Features.LiveSession;

[Collection(SecondAppCollection.Name)]
public class QuestionsTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AskVoteWithdrawAnswer_OneVotePerPerson_VotesStayConsistent(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var peer = await LiveArrange.AddParticipantAsync(s, "peer");
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        await using var other = await LiveClients.JoinAsync(s.App, peer.Email!, CohortScenario.Password, s.SessionId);

        var asked = await par.AskAsync("  How do we keep quiet members involved?  ");
        Assert.True(asked.Ok, asked.Error);
        await fac.WaitForAsync(e => e.Any(x => x.Seq == asked.Seq));
        var seen = fac.AppliedEvents.Single(x => x.Seq == asked.Seq);
        Assert.Equal(FeatureEvents.QuestionAsked, seen.Type);
        Assert.Equal(s.Users["participant"].DisplayName, seen.Data.GetProperty("authorName").GetString());
        Assert.Equal("How do we keep quiet members involved?", seen.Data.GetProperty("text").GetString());
        var id = asked.Id!.Value;

        Assert.True((await fac.VoteAsync(id)).Ok);
        var twice = await fac.VoteAsync(id);
        Assert.False(twice.Ok);
        Assert.Equal("You have already voted for this question.", twice.Error);
        var own = await par.VoteAsync(id);
        Assert.False(own.Ok);
        Assert.Contains("your own question", own.Error);
        var second = await other.VoteAsync(id);
        Assert.True(second.Ok, second.Error);
        await par.WaitForAsync(e => e.Any(x => x.Seq == second.Seq));
        Assert.Equal(2, par.AppliedEvents.Single(x => x.Seq == second.Seq).Data.GetProperty("votes").GetInt32());

        var facList = await fac.QuestionsAsync();
        Assert.True(facList.Questions.Single().VotedByMe);
        Assert.Equal(2, facList.Questions.Single().Votes);

        Assert.True((await fac.VoteAsync(id, up: false)).Ok);
        var again = await fac.VoteAsync(id, up: false);
        Assert.False(again.Ok);
        Assert.Equal("You have not voted for this question.", again.Error);
        var afterWithdraw = (await fac.QuestionsAsync()).Questions.Single();
        Assert.Equal(1, afterWithdraw.Votes);
        Assert.False(afterWithdraw.VotedByMe);
        Assert.Equal(
            1,
            await s.App.WithDbAsync(db => Task.FromResult(db.LiveQuestionVotes.Count(v => v.QuestionId == id)))
        );

        var byParticipant = await par.AnswerQuestionAsync(id, "Me?");
        Assert.False(byParticipant.Ok);
        Assert.Contains("Only a facilitator", byParticipant.Error);
        var emptyAnswer = await fac.AnswerQuestionAsync(id, "   ");
        Assert.False(emptyAnswer.Ok);
        var answered = await fac.AnswerQuestionAsync(id, "Pair them with a buddy for the first month.");
        Assert.True(answered.Ok, answered.Error);
        await par.WaitForAsync(e => e.Any(x => x.Seq == answered.Seq && x.Type == FeatureEvents.QuestionAnswered));
        var mine = (await par.QuestionsAsync()).Questions.Single();
        Assert.True(mine.Mine);
        Assert.NotNull(mine.AnsweredUtc);
        Assert.Equal("Pair them with a buddy for the first month.", mine.Answer);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnonymousQuestion_PeersNeverSeeAuthor_FacilitatorOnlyWhenPolicyAllows(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        var peer = await LiveArrange.AddParticipantAsync(s, "peer");
        await LiveClients.OpenDocumentAsync(s);
        var author = s.Users["participant"].DisplayName;
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        await using var other = await LiveClients.JoinAsync(s.App, peer.Email!, CohortScenario.Password, s.SessionId);

        var asked = await par.AskAsync("Is it fine to feel lost at this point?", anonymous: true);
        Assert.True(asked.Ok, asked.Error);
        Assert.True((await other.VoteAsync(asked.Id!.Value)).Ok);
        var answered = await fac.AnswerQuestionAsync(asked.Id!.Value, "Yes, everyone does.");
        await other.WaitForAsync(e => e.Any(x => x.Seq == answered.Seq));
        await fac.WaitForAsync(e => e.Any(x => x.Seq == answered.Seq));
        foreach (var e in other.AppliedEvents.Concat(fac.AppliedEvents))
            Assert.DoesNotContain(author, e.Data.GetRawText());

        // A late reader catching up "since N" gets the stored events: they carry no author either.
        await using var late = await LiveClients.JoinAsync(s.App, peer.Email!, CohortScenario.Password, s.SessionId);
        var replay = await late.Connection.InvokeAsync<JoinResult>("Join", s.SessionId, 1L);
        Assert.NotEmpty(replay.Events);
        Assert.All(replay.Events, e => Assert.DoesNotContain(author, e.Data.GetRawText()));

        var peerView = (await other.QuestionsAsync()).Questions.Single();
        Assert.Null(peerView.AuthorName);
        Assert.True(peerView.Anonymous);
        Assert.True(peerView.VotedByMe);
        Assert.Null((await fac.QuestionsAsync()).Questions.Single().AuthorName);
        var own = (await par.QuestionsAsync()).Questions.Single();
        Assert.True(own.Mine);
        Assert.Equal(author, own.AuthorName);

        await LiveArrange.SetPolicyAsync(s, facilitatorsSeeAnonymousAuthors: true);
        Assert.Equal(author, (await fac.QuestionsAsync()).Questions.Single().AuthorName);
        Assert.Null((await other.QuestionsAsync()).Questions.Single().AuthorName);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task QuestionsVotesAndAnswers_ObserverCannotAsk_BadQuestionsRefused(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await LiveClients.OpenDocumentAsync(s);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");
        await using var obs = await LiveClients.JoinAsync(s, "observer");

        var asked = await par.AskAsync("Where can I read more after the call?");
        Assert.True(asked.Ok, asked.Error);
        Assert.True((await fac.VoteAsync(asked.Id!.Value)).Ok);
        Assert.True((await fac.AnswerQuestionAsync(asked.Id!.Value, "The readings list on the lesson page.")).Ok);

        var byObserver = await obs.AskAsync("Can I ask too?");
        Assert.False(byObserver.Ok);
        Assert.Equal("Observers can read the questions but not ask them.", byObserver.Error);
        Assert.False((await obs.VoteAsync(asked.Id!.Value)).Ok);
        var empty = await par.AskAsync("   ");
        Assert.False(empty.Ok);
        Assert.Equal("Write your question before sending it.", empty.Error);
        var tooLong = await par.AskAsync(new string('q', 2001));
        Assert.False(tooLong.Ok);
        Assert.Contains("2,000", tooLong.Error);

        var list = await obs.QuestionsAsync();
        Assert.True(list.Ok);
        Assert.Equal("Where can I read more after the call?", Assert.Single(list.Questions).Text);
        await using var outsider = new LiveSessionClient(
            LiveClients.Connection(
                s.App,
                await LiveClients.CookieAsync(s.App, s.Users["outsider"].Email!, CohortScenario.Password)
            ),
            s.SessionId
        );
        await outsider.Connection.StartAsync();
        var refused = await outsider.QuestionsAsync();
        Assert.False(refused.Ok);
        Assert.Empty(refused.Questions);
    }
}
