using System.Text.Json;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Kindling.Web.Features.LiveSession;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>The commit pipeline as clients see it: one gap-free sequence, catch-up after a drop, retries applied
/// once.</summary>
[Collection(SecondAppCollection.Name)]
public class LiveOrderingTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConcurrentPosts_FromSeveralClients_EveryClientSeesOneSequenceWithoutGapsInTheSameOrder(
        string provider
    )
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var second = await room.AddParticipantAsync("ada");
        var writers = new[]
        {
            await room.JoinAsync("facilitator"),
            await room.JoinAsync("participant"),
            await room.JoinAsync(second.DisplayName),
        };
        var observer = await room.JoinAsync("observer");
        var section = observer.Snapshot!.Sections.First(x => !x.Silent).Id;
        var start = await room.SeqAsync();
        const int each = 8;

        var acks = await Task.WhenAll(
            writers.SelectMany(
                (w, i) => Enumerable.Range(0, each).Select(n => w.AddResponseAsync(section, $"writer {i} note {n}"))
            )
        );

        Assert.All(acks, LiveAssert.Ok);
        var total = writers.Length * each;
        Assert.Equal(Enumerable.Range(1, total).Select(n => start + n), acks.Select(a => a.Seq).Order());
        var everyone = writers.Append(observer).ToList();
        foreach (var c in everyone)
            await c.UntilSeqAsync(start + total);
        foreach (var c in everyone)
            LiveAssert.Contiguous(c, start + 1, start + total);
        var order = observer
            .AppliedEvents.Where(e => e.Seq > start)
            .Select(e => e.Data.GetProperty("id").GetGuid())
            .ToList();
        foreach (var c in writers)
            Assert.Equal(
                order,
                c.AppliedEvents.Where(e => e.Seq > start).Select(e => e.Data.GetProperty("id").GetGuid())
            );
        Assert.Equal(acks.Select(a => a.Id!.Value).Order(), order.Order());
        Assert.Equal(total, await room.Db(db => db.LiveResponses.CountAsync(r => r.SessionId == room.SessionId)));
        Assert.Equal(
            total,
            await room.Db(db => db.LiveEvents.CountAsync(e => e.SessionId == room.SessionId && e.Seq > start))
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ClientDropsAndRejoins_ChangesMadeMeanwhile_ArriveExactlyOnceAndLateJoinerSeesWholeDocument(
        string provider
    )
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var observer = await room.JoinAsync("observer");
        var section = par.Snapshot!.Sections.First(x => !x.Silent).Id;
        await fac.WaitForAsync(_ => fac.Present.Count == 3, LiveAssert.Patience);
        Assert.Equal(
            ["facilitator", "observer", "participant"],
            fac.Present.Select(p => room.S.Users.Single(u => u.Value.Id == p.UserId).Key).Order()
        );
        LiveAssert.Ok(await par.AddResponseAsync(section, "Before the drop"));
        var before = (await fac.AddResponseAsync(section, "Also before the drop")).Seq;
        await observer.UntilSeqAsync(before);

        await observer.Connection.StopAsync();
        await fac.WaitForAsync(_ => fac.Present.Count == 2, LiveAssert.Patience);
        var missed = new List<Ack>();
        for (var i = 0; i < 3; i++)
            missed.Add(await par.AddResponseAsync(section, $"While you were away {i}"));
        missed.Add(await fac.ModerateAsync(missed[0].Id!.Value, pinned: true));
        Assert.All(missed, LiveAssert.Ok);
        var rejoined = await observer.StartAsync();

        Assert.True(rejoined.Ok, rejoined.Error);
        Assert.Null(rejoined.Snapshot);
        Assert.Equal(missed.Select(a => a.Seq), rejoined.Events.Select(e => e.Seq));
        LiveAssert.Contiguous(observer, 1, missed[^1].Seq);
        Assert.Equal(missed[^1].Seq, observer.LastSeq);
        await fac.WaitForAsync(_ => fac.Present.Count == 3, LiveAssert.Patience);

        // Someone arriving now gets the whole document at once.
        var late = await room.AddParticipantAsync("late");
        var latecomer = await room.JoinAsync(late.DisplayName);
        Assert.Equal(missed[^1].Seq, latecomer.Snapshot!.Seq);
        Assert.Equal(5, latecomer.Snapshot.Responses.Count);
        Assert.True(latecomer.Snapshot.Responses.Single(r => r.Id == missed[0].Id).Pinned);
        Assert.Empty(latecomer.AppliedEvents);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BroadcastLostAfterCommit_ClientNoticesTheGap_AndFetchesTheMissingChange(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var par = await room.JoinAsync("participant");
        var observer = await room.JoinAsync("observer");
        var section = par.Snapshot!.Sections.First(x => !x.Silent).Id;
        LiveAssert.Ok(await par.AddResponseAsync(section, "Sent normally"));

        // Committed the way LiveStore does, but never broadcast: as when an instance stops between commit and send.
        var lost = await room.Db(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await db
                .LiveDocuments.Where(d => d.SessionId == room.SessionId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Seq, d => d.Seq + 1));
            var seq = await db.LiveDocuments.Where(d => d.SessionId == room.SessionId).Select(d => d.Seq).SingleAsync();
            var now = room.App.Clock.GetUtcNow().UtcDateTime;
            var author = room.S.Users["participant"];
            var r = new LiveResponse
            {
                SessionId = room.SessionId,
                SectionId = section,
                AuthorId = author.Id,
                Text = "Committed, never sent",
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            db.LiveResponses.Add(r);
            db.LiveEvents.Add(
                new Kindling.Domain.LiveEvent
                {
                    SessionId = room.SessionId,
                    Seq = seq,
                    Type = EventTypes.ResponseAdded,
                    ActorId = author.Id,
                    EntityId = r.Id,
                    AtUtc = now,
                    Payload = JsonSerializer.Serialize(LiveViews.Public(r, author.DisplayName), LiveStore.Json),
                }
            );
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return seq;
        });
        var next = await par.AddResponseAsync(section, "Sent after the lost one");

        await observer.UntilSeqAsync(next.Seq);
        LiveAssert.Contiguous(observer, 1, next.Seq);
        Assert.Contains("never sent", observer.AppliedEvents.Single(e => e.Seq == lost).Data.GetRawText());
        Assert.Equal(0, observer.Waiting);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConcurrentPosts_MixedWithRefusedOnes_CommitTogetherButRefusalsLeaveNoTraceAndNoGap(
        string provider
    )
    {
        // Changes arriving together are committed in one transaction: a refused one must not take a number or a row.
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var par = await room.JoinAsync("participant");
        var fac = await room.JoinAsync("facilitator");
        var observer = await room.JoinAsync("observer");
        var section = par.Snapshot!.Sections.First(x => !x.Silent).Id;
        var start = await room.SeqAsync();

        var sends = Enumerable
            .Range(0, 12)
            .SelectMany(n =>
                new[]
                {
                    (Refusal: (string?)null, Task: par.AddResponseAsync(section, $"kept {n}")),
                    (Refusal: "Write something", Task: par.AddResponseAsync(section, "   ")),
                    (Refusal: "Observers", Task: observer.AddResponseAsync(section, $"observer {n}")),
                    (Refusal: null, Task: fac.AddResponseAsync(section, $"facilitator kept {n}")),
                }
            )
            .ToList();
        var acks = await Task.WhenAll(sends.Select(s => s.Task));

        foreach (var (refusal, ack) in sends.Select(s => s.Refusal).Zip(acks).Where(p => p.First is not null))
            LiveAssert.Fails(ack, refusal!);
        var kept = sends.Select(s => s.Refusal).Zip(acks).Where(p => p.First is null).Select(p => p.Second).ToList();
        Assert.All(kept, LiveAssert.Ok);
        Assert.Equal(Enumerable.Range(1, kept.Count).Select(n => start + n), kept.Select(a => a.Seq).Order());
        Assert.Equal(start + kept.Count, await room.SeqAsync());
        Assert.Equal(kept.Count, await room.Db(db => db.LiveResponses.CountAsync(r => r.SessionId == room.SessionId)));
        Assert.Equal(
            kept.Count,
            await room.Db(db => db.LiveEvents.CountAsync(e => e.SessionId == room.SessionId && e.Seq > start))
        );
        await observer.UntilSeqAsync(start + kept.Count);
        LiveAssert.Contiguous(observer, start + 1, start + kept.Count);
        Assert.DoesNotContain(observer.AppliedEvents, e => e.Data.GetRawText().Contains("observer "));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameChangeSentTwice_WithOneKey_IsStoredOnceAndAnsweredWithTheSameSequence(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var par = await room.JoinAsync("participant");
        var fac = await room.JoinAsync("facilitator");
        var section = par.Snapshot!.Sections.First(x => !x.Silent).Id;

        var first = await par.AddResponseAsync(section, "Said once", key: "retry-1");
        var again = await par.AddResponseAsync(section, "Said once", key: "retry-1");
        var racing = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => par.AddResponseAsync(section, "Raced", key: "retry-2"))
        );
        var stolen = await fac.AddResponseAsync(section, "Someone else's key", key: "retry-1");

        LiveAssert.Ok(first);
        Assert.Equal(first, again);
        Assert.All(racing, a => Assert.Equal(racing[0], a));
        LiveAssert.Ok(racing[0]);
        LiveAssert.Fails(stolen, "already used");
        Assert.Equal(
            1,
            await room.Db(db =>
                db.LiveResponses.CountAsync(r => r.SessionId == room.SessionId && r.Text == "Said once")
            )
        );
        Assert.Equal(
            1,
            await room.Db(db => db.LiveResponses.CountAsync(r => r.SessionId == room.SessionId && r.Text == "Raced"))
        );
        Assert.Equal(2, await room.SeqAsync());
        await fac.UntilSeqAsync(2);
        Assert.Equal([first.Seq, racing[0].Seq], fac.AppliedEvents.Select(e => e.Seq));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadInput_IsRefusedWithASentence_AndNothingChanges(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var par = await room.JoinAsync("participant");
        var section = par.Snapshot!.Sections.First(x => !x.Silent).Id;

        LiveAssert.Fails(await par.AddResponseAsync(section, "   "), "Write something");
        LiveAssert.Fails(await par.AddResponseAsync(section, new string('x', 4001)), "at most 4,000 characters");
        LiveAssert.Fails(await par.AddResponseAsync(Guid.NewGuid(), "Nowhere"), "not part of this session");
        LiveAssert.Fails(await par.AddResponseAsync(section, "Long key", key: new string('k', 65)), "key is too long");
        LiveAssert.Fails(await par.EditResponseAsync(Guid.NewGuid(), "Nothing"), "no longer exists");

        Assert.Equal(0, await room.SeqAsync());
        Assert.Equal(0, await room.Db(db => db.LiveResponses.CountAsync(r => r.SessionId == room.SessionId)));
        Assert.Equal(HubConnectionState.Connected, par.Connection.State);
    }
}
