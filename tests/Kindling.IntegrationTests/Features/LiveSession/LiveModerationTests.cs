using System.Text.Json;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>Anonymous and hidden responses: what peers, facilitators and the author can read, through every hub
/// channel.</summary>
[Collection(SecondAppCollection.Name)]
public class LiveModerationTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnonymousResponse_NeverNamesItsAuthorToPeers_AndToFacilitatorsOnlyWhenTheCohortAllows(
        string provider
    )
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var author = room.S.Users["participant"];
        var peerUser = await room.AddParticipantAsync("peer");
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var peer = await room.JoinAsync(peerUser.DisplayName);
        var observer = await room.JoinAsync("observer");
        var open = par.Snapshot!.Sections.Where(x => !x.Silent).Take(2).ToList();
        LiveAssert.Ok(await fac.AddResponseAsync(open[0].Id, "Welcome"));
        await observer.UntilSeqAsync(1);
        await observer.Connection.StopAsync();

        var anon = await par.AddResponseAsync(open[0].Id, "An unsigned worry", anonymous: true);
        LiveAssert.Ok(anon);
        var id = anon.Id!.Value;
        LiveAssert.Ok(await par.EditResponseAsync(id, "An unsigned worry, reworded"));
        LiveAssert.Ok(await fac.ModerateAsync(id, pinned: true));
        LiveAssert.Ok(await fac.ModerateAsync(id, moveTo: open[1].Id));
        LiveAssert.Ok(await fac.ModerateAsync(id, hidden: true));
        var last = (await fac.ModerateAsync(id, hidden: false)).Seq;
        Assert.True((await observer.StartAsync()).Ok);
        foreach (var c in new[] { fac, par, peer, observer })
            await c.UntilSeqAsync(last);

        string[] traces = [author.Id, author.DisplayName, author.Email!];
        foreach (var reader in new[] { fac, par, peer, observer })
        {
            var everything = LiveAssert.Raw(reader.AppliedEvents);
            Assert.Contains("reworded", everything);
            foreach (var trace in traces)
                Assert.DoesNotContain(trace, everything, StringComparison.OrdinalIgnoreCase);
        }
        Assert.All(
            par.AppliedEvents.Where(e => e.Seq >= anon.Seq && e.Data.TryGetProperty("authorName", out _)),
            e => Assert.Equal(JsonValueKind.Null, e.Data.GetProperty("authorName").ValueKind)
        );

        Assert.Null(await AuthorSeenByAsync(room, "observer", id));
        Assert.Null(await AuthorSeenByAsync(room, peerUser.DisplayName, id));
        Assert.Null(await AuthorSeenByAsync(room, "facilitator", id));
        Assert.Equal(author.DisplayName, await AuthorSeenByAsync(room, "participant", id));
        foreach (var who in new[] { "observer", "facilitator" })
        foreach (var trace in traces)
            Assert.DoesNotContain(
                trace,
                LiveAssert.Raw((await room.TryJoinAsync(who)).Result.Snapshot),
                StringComparison.OrdinalIgnoreCase
            );

        // The cohort lets facilitators see anonymous authors: their own view names the author, nobody else's does.
        await room.Db(db =>
            db.Cohorts.Where(c => c.Id == room.S.CohortId)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.FacilitatorsSeeAnonymousAuthors, true))
        );
        Assert.Equal(author.DisplayName, await AuthorSeenByAsync(room, "facilitator", id));
        Assert.Null(await AuthorSeenByAsync(room, "observer", id));
        var again = await par.EditResponseAsync(id, "Still unsigned");
        await peer.UntilSeqAsync(again.Seq);
        await fac.UntilSeqAsync(again.Seq);
        foreach (var trace in traces)
        {
            Assert.DoesNotContain(trace, LiveAssert.Raw(peer.AppliedEvents), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(trace, LiveAssert.Raw(fac.AppliedEvents), StringComparison.OrdinalIgnoreCase);
        }

        await room.Db(db =>
            db.LiveDocuments.Where(d => d.SessionId == room.SessionId)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.AllowAnonymous, false))
        );
        LiveAssert.Fails(
            await par.AddResponseAsync(open[0].Id, "Another unsigned one", anonymous: true),
            "Anonymous responses are turned off"
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HiddenResponse_LeavesPeersScreens_AndItsTextDoesNotReachThemAgainUntilShown(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var observer = await room.JoinAsync("observer");
        var section = par.Snapshot!.Sections.First(x => !x.Silent).Id;
        LiveAssert.Ok(await fac.AddResponseAsync(section, "Welcome"));
        await observer.UntilSeqAsync(1);
        await observer.Connection.StopAsync();

        var posted = await par.AddResponseAsync(section, "HIDE-ME first words");
        var id = posted.Id!.Value;
        var hide = await fac.ModerateAsync(id, hidden: true);
        var edit = await par.EditResponseAsync(id, "HIDE-ME second words");
        LiveAssert.Fails(await par.ModerateAsync(id, hidden: false), "Only a facilitator");
        await fac.UntilSeqAsync(edit.Seq);
        await par.UntilSeqAsync(edit.Seq);

        var hideEvent = fac.AppliedEvents.Single(e => e.Seq == hide.Seq);
        Assert.Equal(EventTypes.ResponseModerated, hideEvent.Type);
        Assert.True(hideEvent.Data.GetProperty("hidden").GetBoolean());
        Assert.False(hideEvent.Data.TryGetProperty("text", out _));
        Assert.Equal(EventTypes.Private, fac.AppliedEvents.Single(e => e.Seq == edit.Seq).Type);
        Assert.Contains("second words", par.AppliedEvents.Single(e => e.Seq == edit.Seq).Data.GetRawText());

        // The observer was away: catching up shows the response only as hidden, without its words.
        var back = await observer.StartAsync();
        Assert.Equal([posted.Seq, hide.Seq, edit.Seq], back.Events.Select(e => e.Seq));
        Assert.DoesNotContain("HIDE-ME", LiveAssert.Raw(back.Events));
        Assert.True(back.Events[0].Data.GetProperty("hidden").GetBoolean());
        Assert.DoesNotContain("HIDE-ME", LiveAssert.Raw((await room.TryJoinAsync("observer")).Result.Snapshot));
        Assert.Contains("second words", LiveAssert.Raw((await room.TryJoinAsync("participant")).Result.Snapshot));
        Assert.Contains("second words", LiveAssert.Raw((await room.TryJoinAsync("facilitator")).Result.Snapshot));

        var show = await fac.ModerateAsync(id, hidden: false);
        await observer.UntilSeqAsync(show.Seq);
        var shown = observer.AppliedEvents.Single(e => e.Seq == show.Seq);
        Assert.Equal("HIDE-ME second words", shown.Data.GetProperty("text").GetString());
        Assert.False(shown.Data.GetProperty("hidden").GetBoolean());
        Assert.Contains("second words", LiveAssert.Raw((await room.TryJoinAsync("observer")).Result.Snapshot));
    }

    private static async Task<string?> AuthorSeenByAsync(LiveRoom room, string who, Guid responseId)
    {
        var (_, joined) = await room.TryJoinAsync(who);
        Assert.True(joined.Ok, joined.Error);
        return joined.Snapshot!.Responses.Single(r => r.Id == responseId).AuthorName;
    }
}
