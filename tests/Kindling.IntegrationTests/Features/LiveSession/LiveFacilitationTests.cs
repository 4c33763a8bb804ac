using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;
using LiveEvent = Kindling.LiveClient.LiveEvent;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>Who may do what in the room, the shared timer and recording indicator, prompts, and locking the
/// document.</summary>
[Collection(SecondAppCollection.Name)]
public class LiveFacilitationTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EachRole_CanDoOnlyWhatItMay_AndRefusalsChangeNothing(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        Assert.Contains("not shared with you", (await room.TryJoinAsync("outsider")).Result.Error);
        Assert.Contains("not shared with you", (await room.TryJoinAsync("admin")).Result.Error);
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var observer = await room.JoinAsync("observer");
        var sections = par.Snapshot!.Sections;
        var open = sections.First(x => !x.Silent);
        var facNote = await fac.AddResponseAsync(open.Id, "From the facilitator");
        var own = await par.AddResponseAsync(open.Id, "Mine to change");
        LiveAssert.Ok(facNote);
        LiveAssert.Ok(own);
        var seq = await room.SeqAsync();

        LiveAssert.Fails(await observer.AddResponseAsync(open.Id, "Observers only read"), "Observers can read");
        LiveAssert.Fails(await observer.RollCallAsync("here"), "Observers can read");
        LiveAssert.Fails(await par.EditResponseAsync(facNote.Id!.Value, "Not mine"), "only change your own");
        LiveAssert.Fails(await par.DeleteResponseAsync(facNote.Id!.Value), "only change your own");
        foreach (var client in new[] { par, observer })
        {
            LiveAssert.Fails(await client.TimerAsync(TimerActions.Start, 5), "Only a facilitator");
            LiveAssert.Fails(await client.GotoAsync(2), "Only a facilitator");
            LiveAssert.Fails(await client.ModerateAsync(own.Id!.Value, hidden: true), "Only a facilitator");
            LiveAssert.Fails(await client.AddPromptAsync(0, "A prompt of my own"), "Only a facilitator");
            LiveAssert.Fails(await client.MovePromptAsync(open.Id, 3), "Only a facilitator");
            LiveAssert.Fails(await client.SetSilentAsync(open.Id, true), "Only a facilitator");
            LiveAssert.Fails(await client.RevealAsync(sections.First(x => x.Silent).Id), "Only a facilitator");
            LiveAssert.Fails(await client.SetLockedAsync(true), "Only a facilitator");
            LiveAssert.Fails(await client.OpenAsync(), "Only a facilitator");
        }
        Assert.Equal(seq, await room.SeqAsync());

        LiveAssert.Ok(await par.EditResponseAsync(own.Id!.Value, "Mine, changed"));
        LiveAssert.Ok(await par.DeleteResponseAsync(own.Id!.Value));
        LiveAssert.Fails(await par.EditResponseAsync(own.Id!.Value, "Gone"), "no longer exists");
        var rollCall = await par.RollCallAsync("Glad to be here");
        LiveAssert.Ok(rollCall);
        await fac.UntilSeqAsync(rollCall.Seq);
        Assert.Contains("Glad to be here", fac.AppliedEvents.Single(e => e.Seq == rollCall.Seq).Data.GetRawText());
        LiveAssert.Fails(await fac.ModerateAsync(facNote.Id!.Value), "Choose what to do");
        LiveAssert.Ok(await fac.ModerateAsync(facNote.Id!.Value, pinned: true));

        // Membership is checked on every call: a member who has not yet agreed to the guidelines cannot join, and
        // a participant removed mid-session (still connected) can no longer write.
        var newcomer = await room.AddParticipantAsync("newcomer", acknowledged: false);
        Assert.Contains("not shared with you", (await room.TryJoinAsync(newcomer.DisplayName)).Result.Error);
        await room.Db(db =>
            db.CohortMembers.Where(m => m.CohortId == room.S.CohortId && m.UserId == room.S.Users["participant"].Id)
                .ExecuteDeleteAsync()
        );
        LiveAssert.Fails(await par.AddResponseAsync(open.Id, "After my removal"), "not shared with you");
        Assert.False((await par.JoinAsync()).Ok);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FacilitatorShapesPrompts_AddedAndMovedPromptsReachEveryoneInOrder(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var sections = par.Snapshot!.Sections;

        var added = await fac.AddPromptAsync(1, "What surprised you this week?");
        LiveAssert.Ok(added);
        var silentActivity = sections.First(x => x.Silent).ActivityIndex;
        var addedSilent = await fac.AddPromptAsync(silentActivity, "One more quiet question");
        var moved = await fac.MovePromptAsync(added.Id!.Value, 0);
        LiveAssert.Ok(moved);
        LiveAssert.Fails(await fac.AddPromptAsync(99, "Nowhere"), "agenda item does not exist");
        LiveAssert.Fails(await fac.AddPromptAsync(1, " "), "1 to 2,000 characters");
        LiveAssert.Fails(await fac.MovePromptAsync(added.Id!.Value, sections.Count + 5), "Pick a position");
        await par.UntilSeqAsync(moved.Seq);

        var order = par
            .AppliedEvents.Single(e => e.Seq == moved.Seq)
            .Data.GetProperty("order")
            .EnumerateArray()
            .Select(x => x.GetGuid())
            .ToList();
        Assert.Equal(added.Id, order[0]);
        Assert.Equal(sections.Count + 2, order.Count);
        var snapshot = (await room.TryJoinAsync("participant")).Result.Snapshot!;
        Assert.Equal(order, snapshot.Sections.Select(s => s.Id));
        Assert.True(snapshot.Sections.Single(s => s.Id == addedSilent.Id).Silent);
        Assert.Equal("What surprised you this week?", snapshot.Sections[0].Prompt);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RollCall_InOneClick_CarriesTheRollCallProfileAndAnswer_UnderTheAuthorsName(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var pat = room.S.Users["participant"];
        await room.Db(db =>
            db.Users.Where(u => u.Id == pat.Id)
                .ExecuteUpdateAsync(x =>
                    x.SetProperty(u => u.Pronouns, "she/her")
                        .SetProperty(u => u.Title, "Community organiser")
                        .SetProperty(u => u.Organisation, "Riverside Makers")
                        .SetProperty(u => u.SocialHandles, "@pat@social.example")
                        .SetProperty(u => u.Feeling, "🔥")
                )
        );
        var par = await room.JoinAsync("participant");
        var fac = await room.JoinAsync("facilitator");

        var ack = await par.RollCallAsync("  Glad to be here  ");
        LiveAssert.Ok(ack);
        await fac.UntilSeqAsync(ack.Seq);
        var entry = fac.AppliedEvents.Single(e => e.Seq == ack.Seq).Data;
        Assert.Equal(pat.DisplayName, entry.GetProperty("authorName").GetString());
        Assert.Equal(
            "she/her · Community organiser · Riverside Makers · @pat@social.example · 🔥 · Glad to be here",
            entry.GetProperty("text").GetString()
        );

        // Someone with no roll-call profile who gives no answer is still on the roll call.
        var bare = await fac.RollCallAsync("");
        LiveAssert.Ok(bare);
        await par.UntilSeqAsync(bare.Seq);
        Assert.Equal("Here", par.AppliedEvents.Single(e => e.Seq == bare.Seq).Data.GetProperty("text").GetString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Document_EndsWithTheSessionsOpenDiscussion_TimedForItsMinutes_AndNeverRecorded(string provider)
    {
        var app = await apps.GetAsync(provider);
        var s = await CohortScenario.CreateAsync(app);
        await app.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId)
                .ExecuteUpdateAsync(x =>
                    x.SetProperty(y => y.Recording, RecordingPolicy.PresentationMayBeRecorded)
                        .SetProperty(y => y.DiscussionMinutes, 25)
                )
        );
        var quiet = await ShareSlotTests.AddSecondSessionAsync(s);
        await app.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == quiet).ExecuteUpdateAsync(x => x.SetProperty(y => y.DiscussionMinutes, 0))
        );
        await LiveClients.OpenDocumentAsync(s);
        await LiveClients.OpenDocumentAsync(s, quiet);
        await using var fac = await LiveClients.JoinAsync(s, "facilitator");
        await using var par = await LiveClients.JoinAsync(s, "participant");

        // The run of show covers the whole call: after the lesson's activities comes the open discussion, as on the
        // session page.
        var sections = par.Snapshot!.Sections.OrderBy(x => x.Position).ToList();
        var discussion = sections[^1];
        Assert.Equal(
            ("open-discussion", "Open discussion and sharing insights from assignments", 25, false),
            (discussion.Kind, discussion.Title, discussion.Minutes, discussion.Recordable)
        );
        Assert.Equal(sections[^2].ActivityIndex + 1, discussion.ActivityIndex);
        Assert.Single(sections, x => x.ActivityIndex == discussion.ActivityIndex);

        // The facilitator moves there and starts its timer; even in a session whose presentation may be recorded, it
        // isn't.
        var (_, there) = await TimerAsync(fac, par, c => c.GotoAsync(discussion.ActivityIndex));
        Assert.Equal(discussion.ActivityIndex, there.ActivityIndex);
        Assert.False(there.Recording);
        var (_, started) = await TimerAsync(fac, par, c => c.TimerAsync(TimerActions.Start));
        Assert.Equal(25 * 60_000, started.DurationMs);
        Assert.False(started.Recording);
        var response = await par.AddResponseAsync(
            discussion.Id,
            "Could we talk about keeping newcomers after their first month?"
        );
        LiveAssert.Ok(response);

        // A session without discussion time has no such block.
        await using var parQuiet = await LiveClients.JoinAsync(s, "participant", quiet);
        Assert.DoesNotContain(
            parQuiet.Snapshot!.Sections,
            x => x.Title == "Open discussion and sharing insights from assignments"
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SharedTimer_StoresAbsoluteInstants_CarriesServerTime_AndShowsRecordingOnlyDuringARecordablePresentation(
        string provider
    )
    {
        var app = await apps.GetAsync(provider);
        await using var room = await LiveRoom.OpenAsync(app);
        await room.Db(db =>
            db.Sessions.Where(s => s.Id == room.SessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recording, RecordingPolicy.PresentationMayBeRecorded))
        );
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var sections = par.Snapshot!.Sections;
        var presentation = sections.First(s => s.Kind == "presentation").ActivityIndex;
        var discussion = sections.First(s => s.Kind == "open-discussion").ActivityIndex;
        DateTime Now() => app.Clock.GetUtcNow().UtcDateTime;
        Assert.False(par.Snapshot.Timer.Recording);

        var (goTo, atPresentation) = await TimerAsync(fac, par, c => c.GotoAsync(presentation));
        Assert.True(atPresentation.Recording);
        Assert.Null(atPresentation.EndsUtc);
        Assert.Equal(presentation, atPresentation.ActivityIndex);
        Assert.Equal(Now(), goTo.ServerNowUtc);

        var (_, started) = await TimerAsync(fac, par, c => c.TimerAsync(TimerActions.Start));
        Assert.Equal(Now().AddMinutes(10), started.EndsUtc);
        Assert.Equal(10 * 60_000, started.DurationMs);

        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var (pauseEvent, paused) = await TimerAsync(fac, par, c => c.TimerAsync(TimerActions.Pause));
        Assert.Null(paused.EndsUtc);
        Assert.Equal(7 * 60_000, paused.PausedRemainingMs);
        Assert.Equal(Now(), pauseEvent.ServerNowUtc);
        LiveAssert.Fails(await fac.TimerAsync(TimerActions.Pause), "not running");

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var (_, resumed) = await TimerAsync(fac, par, c => c.TimerAsync(TimerActions.Resume));
        Assert.Equal(Now().AddMinutes(7), resumed.EndsUtc);
        var (_, extended) = await TimerAsync(fac, par, c => c.TimerAsync(TimerActions.Extend, 2));
        Assert.Equal(Now().AddMinutes(9), extended.EndsUtc);
        Assert.Equal(12 * 60_000, extended.DurationMs);
        LiveAssert.Fails(await fac.TimerAsync(TimerActions.Extend, 0), "Extend by 1 to 60 minutes");
        LiveAssert.Fails(await fac.TimerAsync(TimerActions.Start, 500), "1 to 240 minutes");
        LiveAssert.Fails(await fac.TimerAsync("rewind"), "Unknown timer action");
        var (_, ended) = await TimerAsync(fac, par, c => c.TimerAsync(TimerActions.End));
        Assert.Null(ended.EndsUtc);
        Assert.Null(ended.PausedRemainingMs);
        Assert.Equal(Now(), (await room.TryJoinAsync("participant")).Result.ServerNowUtc);

        var (_, atDiscussion) = await TimerAsync(fac, par, c => c.GotoAsync(discussion));
        Assert.False(atDiscussion.Recording);
        var (_, started2) = await TimerAsync(fac, par, c => c.TimerAsync(TimerActions.Start, 4));
        Assert.False(started2.Recording);
        Assert.Equal(Now().AddMinutes(4), (await room.TryJoinAsync("observer")).Result.Snapshot!.Timer.EndsUtc);

        // The session's policy says nothing is recorded: no indicator even during the presentation.
        await room.Db(db =>
            db.Sessions.Where(s => s.Id == room.SessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Recording, RecordingPolicy.NoRecording))
        );
        var (_, unrecorded) = await TimerAsync(fac, par, c => c.GotoAsync(presentation));
        Assert.False(unrecorded.Recording);
        Assert.False((await room.TryJoinAsync("participant")).Result.Snapshot!.Timer.Recording);
    }

    /// <summary>Runs a timer command and returns the event (as the participant received it) and its timer
    /// state.</summary>
    private static async Task<(LiveEvent Event, TimerState State)> TimerAsync(
        LiveSessionClient fac,
        LiveSessionClient par,
        Func<LiveSessionClient, Task<Ack>> command
    )
    {
        var ack = await command(fac);
        LiveAssert.Ok(ack);
        await par.UntilSeqAsync(ack.Seq);
        var e = par.AppliedEvents.Single(x => x.Seq == ack.Seq);
        Assert.Equal(EventTypes.Timer, e.Type);
        return (
            e,
            System.Text.Json.JsonSerializer.Deserialize<TimerState>(
                e.Data.GetRawText(),
                Kindling.Web.Features.LiveSession.LiveStore.Json
            )!
        );
    }
}
