using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>Silent note-taking: each person writes unseen, then everything is revealed at once, by a facilitator or the
/// timer.</summary>
[Collection(SecondAppCollection.Name)]
public class LiveSilentRoundTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SilentResponses_StayUnreadableThroughEveryChannel_UntilTheFacilitatorRevealsThemToEveryone(
        string provider
    )
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var peerUser = await room.AddParticipantAsync("peer");
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var peer = await room.JoinAsync(peerUser.DisplayName);
        var observer = await room.JoinAsync("observer");
        var silent = par.Snapshot!.Sections.First(x => x.Silent);
        var authorApplied = new List<LiveEvent>();
        par.Applied += authorApplied.Add;
        var welcome = await fac.AddResponseAsync(par.Snapshot.Sections.First(x => !x.Silent).Id, "Welcome, everyone");

        var named = await par.AddResponseAsync(silent.Id, "SECRET-NAMED origin story");
        var anonymous = await par.AddResponseAsync(silent.Id, "SECRET-ANON funding worry", anonymous: true);
        var edited = await par.EditResponseAsync(named.Id!.Value, "SECRET-NAMED origin story, edited");
        var peerOwn = await peer.AddResponseAsync(silent.Id, "PEER-OWN note");
        var deleted = await par.AddResponseAsync(silent.Id, "SECRET-DELETED draft");
        LiveAssert.Ok(await par.DeleteResponseAsync(deleted.Id!.Value));
        var last = await room.SeqAsync();
        foreach (var c in new[] { fac, par, peer, observer })
            await c.UntilSeqAsync(last);

        // The author sees their own changes in full, even though a placeholder with the same number reached them first.
        Assert.Equal(EventTypes.ResponseAdded, par.AppliedEvents.Single(e => e.Seq == named.Seq).Type);
        Assert.Contains("funding worry", par.AppliedEvents.Single(e => e.Seq == anonymous.Seq).Data.GetRawText());
        Assert.Contains("edited", par.AppliedEvents.Single(e => e.Seq == edited.Seq).Data.GetRawText());
        Assert.Equal(EventTypes.Private, par.AppliedEvents.Single(e => e.Seq == peerOwn.Seq).Type);
        Assert.Contains(authorApplied, e => e.Seq == named.Seq && e.Type == EventTypes.ResponseAdded);

        // Nobody else can read them: not live, not on catching up, not in a fresh snapshot; facilitators neither.
        foreach (var reader in new[] { fac, peer, observer })
        {
            Assert.DoesNotContain("SECRET", LiveAssert.Raw(reader.AppliedEvents));
            Assert.All(
                reader.AppliedEvents.Where(e => e.Seq > welcome.Seq && (e.Seq != peerOwn.Seq || reader != peer)),
                e => Assert.Equal(EventTypes.Private, e.Type)
            );
        }
        Assert.Contains("PEER-OWN", LiveAssert.Raw(peer.AppliedEvents));
        Assert.DoesNotContain("PEER-OWN", LiveAssert.Raw(par.AppliedEvents));
        var (late, lateJoin) = await room.TryJoinAsync("observer");
        Assert.DoesNotContain("SECRET", LiveAssert.Raw(lateJoin.Snapshot));
        var (facLate, facJoin) = await room.TryJoinAsync("facilitator");
        Assert.DoesNotContain("SECRET", LiveAssert.Raw(facJoin.Snapshot));
        Assert.Equal(
            2,
            (await room.TryJoinAsync("participant")).Result.Snapshot!.Responses.Count(r =>
                r.Mine && r.SectionId == silent.Id
            )
        );
        await peer.Connection.StopAsync();
        await using var catchUpConnection = await CatchUpAsync(room, peerUser.DisplayName, welcome.Seq);
        Assert.DoesNotContain("SECRET", LiveAssert.Raw(catchUpConnection.Events));
        Assert.Contains("PEER-OWN", LiveAssert.Raw(catchUpConnection.Events));

        // Moderation is public, so it cannot touch the round early; and only a facilitator ends the round.
        LiveAssert.Fails(await fac.ModerateAsync(named.Id!.Value, pinned: true), "silent round");
        LiveAssert.Fails(await par.RevealAsync(silent.Id), "Only a facilitator");
        LiveAssert.Fails(await par.SetSilentAsync(silent.Id, false), "Only a facilitator");
        LiveAssert.Fails(await fac.SetSilentAsync(silent.Id, false), "Reveal the silent round");
        Assert.Equal(last, await room.SeqAsync());

        var reveal = await fac.RevealAsync(silent.Id);
        LiveAssert.Ok(reveal);
        foreach (var c in new[] { fac, par, observer, late, facLate })
            await c.UntilSeqAsync(reveal.Seq);
        foreach (var c in new[] { fac, par, observer, late, facLate })
        {
            var e = c.AppliedEvents.Single(x => x.Seq == reveal.Seq);
            Assert.Equal(EventTypes.SectionRevealed, e.Type);
            var responses = e.Data.GetProperty("responses").EnumerateArray().ToList();
            Assert.Equal(3, responses.Count);
            Assert.Contains("origin story, edited", e.Data.GetRawText());
            Assert.DoesNotContain("DELETED", e.Data.GetRawText());
            var anon = responses.Single(r => r.GetProperty("text").GetString()!.Contains("funding"));
            Assert.Equal(System.Text.Json.JsonValueKind.Null, anon.GetProperty("authorName").ValueKind);
            Assert.DoesNotContain(room.S.Users["participant"].Id, e.Data.GetRawText());
        }
        var after = (await room.TryJoinAsync("observer")).Result.Snapshot!;
        Assert.Equal(3, after.Responses.Count(r => r.SectionId == silent.Id));
        Assert.Null(after.Responses.Single(r => r.Text.Contains("funding")).AuthorName);
        LiveAssert.Fails(await fac.RevealAsync(silent.Id), "not in a silent round");

        // Hidden after the reveal: someone catching up over the reveal gets the round without that response's words.
        LiveAssert.Ok(await fac.ModerateAsync(anonymous.Id!.Value, hidden: true));
        await using var replay = await CatchUpAsync(room, "observer", welcome.Seq);
        var replayed = LiveAssert.Raw(replay.Events);
        Assert.Contains("origin story, edited", replayed);
        Assert.DoesNotContain("funding worry", replayed);
        await using var facReplay = await CatchUpAsync(room, "facilitator", welcome.Seq);
        Assert.Contains("funding worry", LiveAssert.Raw(facReplay.Events));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SilentActivityTimer_RunsOut_RevealsTheRoundToEveryone(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var silent = par.Snapshot!.Sections.First(x => x.Silent);
        LiveAssert.Ok(await fac.GotoAsync(silent.ActivityIndex));
        LiveAssert.Ok(await fac.TimerAsync(TimerActions.Start, 2));
        var note = await par.AddResponseAsync(silent.Id, "Written in the quiet");
        LiveAssert.Ok(note);
        await fac.UntilSeqAsync(note.Seq);
        Assert.DoesNotContain("quiet", LiveAssert.Raw(fac.AppliedEvents));

        room.App.Clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        await fac.WaitForAsync(
            events =>
                events.Any(e =>
                    e.Type == EventTypes.SectionRevealed && e.Data.GetRawText().Contains("Written in the quiet")
                ),
            LiveAssert.Patience
        );
        await par.WaitForAsync(events => events.Any(e => e.Type == EventTypes.SectionRevealed), LiveAssert.Patience);
        // Every prompt of the activity is revealed, each exactly once, however often the watcher looks.
        room.App.Clock.Advance(TimeSpan.FromSeconds(5));
        var prompts = par.Snapshot.Sections.Count(s => s.ActivityIndex == silent.ActivityIndex);
        await fac.WaitForAsync(
            events => events.Count(e => e.Type == EventTypes.SectionRevealed) == prompts,
            LiveAssert.Patience
        );
        var revealed = await room.Db(db =>
            db.LiveSections.Where(s => s.SessionId == room.SessionId && s.ActivityIndex == silent.ActivityIndex)
                .Select(s => s.RevealedUtc)
                .ToListAsync()
        );
        Assert.All(revealed, r => Assert.NotNull(r));
        Assert.Equal(
            prompts,
            await room.Db(db =>
                db.LiveEvents.CountAsync(e => e.SessionId == room.SessionId && e.Type == EventTypes.SectionRevealed)
            )
        );
    }

    /// <summary>A connection of <paramref name="who"/> that asks for the events after <paramref name="since"/>, as a
    /// reconnecting client does.</summary>
    private static async Task<CatchUp> CatchUpAsync(LiveRoom room, string who, long since)
    {
        var hub = LiveClients.Connection(room.App, await room.CookieAsync(who));
        await hub.StartAsync();
        var result = await Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync<JoinResult>(
            hub,
            "Join",
            room.SessionId,
            since
        );
        Assert.True(result.Ok, result.Error);
        return new CatchUp(hub, result.Events);
    }

    private sealed record CatchUp(
        Microsoft.AspNetCore.SignalR.Client.HubConnection Hub,
        IReadOnlyList<LiveEvent> Events
    ) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }
}
