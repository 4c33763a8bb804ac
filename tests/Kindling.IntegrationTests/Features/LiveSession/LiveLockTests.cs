using System.Net;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Kindling.Web.Features.LiveSession;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>A locked document is read-only for everyone: every kind of change is refused with the same clear
/// sentence.</summary>
[Collection(SecondAppCollection.Name)]
public class LiveLockTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LockedDocument_RefusesEveryWrite_UntilTheFacilitatorUnlocksIt(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var peerUser = await room.AddParticipantAsync("peer");
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var peer = await room.JoinAsync(peerUser.DisplayName);
        var sections = par.Snapshot!.Sections;
        var open = sections.First(x => !x.Silent && x.Kind is not ("roll-call" or "share"));
        var silent = sections.First(x => x.Silent);
        var note = await par.AddResponseAsync(open.Id, "Before the lock");
        LiveAssert.Ok(note);
        LiveAssert.Ok(await par.AddResponseAsync(silent.Id, "A quiet note before the lock"));
        var question = await peer.AskAsync("Asked before the lock");
        LiveAssert.Ok(question);
        LiveAssert.Ok(await fac.StartBreakoutsAsync(2, BreakoutModes.Self));
        var groups = (await par.BreakoutsAsync()).Groups;
        LiveAssert.Ok(await par.MoveToGroupAsync(groups[0].Id));
        LiveAssert.Ok(await fac.TimerAsync(TimerActions.Start, 5));

        var locked = await fac.SetLockedAsync(true);
        LiveAssert.Ok(locked);
        await par.UntilSeqAsync(locked.Seq);
        Assert.True(par.AppliedEvents.Single(e => e.Seq == locked.Seq).Data.GetProperty("locked").GetBoolean());
        var seq = await room.SeqAsync();

        (string What, Func<Task<Ack>> Send)[] writes =
        [
            ("a response", () => par.AddResponseAsync(open.Id, "After the lock")),
            (
                "an anonymous response",
                () => par.AddResponseAsync(open.Id, "After the lock, anonymously", anonymous: true)
            ),
            ("an edit", () => par.EditResponseAsync(note.Id!.Value, "Changed after the lock")),
            ("a deletion", () => par.DeleteResponseAsync(note.Id!.Value)),
            ("the roll call", () => par.RollCallAsync("Here after the lock")),
            ("a facilitator's response", () => fac.AddResponseAsync(open.Id, "Facilitator after the lock")),
            ("a question", () => par.AskAsync("Can I still ask?")),
            ("a vote", () => par.VoteAsync(question.Id!.Value)),
            ("taking a vote back", () => par.VoteAsync(question.Id!.Value, up: false)),
            ("an answer", () => fac.AnswerQuestionAsync(question.Id!.Value, "Answered after the lock")),
            ("breakout notes", () => par.AddResponseAsync(groups[0].SectionIds[0], "Group notes after the lock")),
            ("moving to another group", () => par.MoveToGroupAsync(groups[1].Id)),
            ("ending the breakouts", () => fac.EndBreakoutsAsync()),
            ("a new prompt", () => fac.AddPromptAsync(open.ActivityIndex, "A late prompt")),
            ("moving a prompt", () => fac.MovePromptAsync(open.Id, 0)),
            ("silent mode", () => fac.SetSilentAsync(open.Id, true)),
            ("a reveal", () => fac.RevealAsync(silent.Id)),
            ("moderation", () => fac.ModerateAsync(note.Id!.Value, pinned: true)),
            ("the timer", () => fac.TimerAsync(TimerActions.Start, 5)),
            ("the agenda", () => fac.GotoAsync(open.ActivityIndex + 1)),
        ];
        foreach (var (what, send) in writes)
        {
            var ack = await send();
            Assert.False(ack.Ok, $"{what} was accepted while the document was locked");
            Assert.Equal(LiveStore.LockedMessage, ack.Error);
        }
        Assert.Equal(seq, await room.SeqAsync());
        var snapshot = (await room.TryJoinAsync("observer")).Result.Snapshot!;
        Assert.True(snapshot.Locked);
        Assert.Null(snapshot.Timer.EndsUtc);
        Assert.Equal("Before the lock", Assert.Single(snapshot.Responses, r => r.SectionId == open.Id).Text);
        var asked = (await par.QuestionsAsync()).Questions;
        Assert.Equal(
            ("Asked before the lock", 0, (string?)null),
            (Assert.Single(asked).Text, asked[0].Votes, asked[0].Answer)
        );

        // Feedback is not part of the document: the facilitator can still close it while the document is locked.
        using var facPages = await room.S.ClientAsAsync("facilitator");
        var feedback = $"/cohorts/{room.S.CohortId}/sessions/{room.SessionId}/feedback";
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await facPages.PostFormAsync(feedback, new Dictionary<string, string>(), feedback + "?handler=Close")
            ).Status
        );
        Assert.NotNull(
            await room.Db(db =>
                db.LiveDocuments.Where(d => d.SessionId == room.SessionId)
                    .Select(d => d.FeedbackClosedUtc)
                    .SingleAsync()
            )
        );

        // Unlocking is the one change a locked document takes; then everything is possible again.
        LiveAssert.Ok(await fac.SetLockedAsync(false));
        LiveAssert.Ok(await par.AskAsync("Can I ask now?"));
        LiveAssert.Ok(await par.VoteAsync(question.Id!.Value));
        LiveAssert.Ok(await par.AddResponseAsync(open.Id, "After unlocking"));
        LiveAssert.Ok(await fac.EndBreakoutsAsync());
        Assert.False((await room.TryJoinAsync("observer")).Result.Snapshot!.Locked);
    }
}
