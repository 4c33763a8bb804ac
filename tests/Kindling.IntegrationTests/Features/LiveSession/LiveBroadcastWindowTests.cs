using System.Collections.Concurrent;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// The broadcast window (Live:BroadcastWindowMs): a change after a quiet spell goes out at once on its own, and changes
/// committed while the window runs reach everyone together as one message, in sequence order, with nothing dropped.
/// </summary>
public class LiveBroadcastWindowTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangesMadeDuringTheWindow_ArriveTogetherInOneMessage_AfterTheFirstWentOutAlone(string provider)
    {
        // A long window, so the two later posts surely commit inside it even on a slow machine.
        await using var app = new KindlingApp(provider, new Dictionary<string, string> { ["Live:BroadcastWindowMs"] = "2500" });
        await using var room = await LiveRoom.OpenAsync(app);
        var facilitator = await room.JoinAsync("facilitator");
        var participant = await room.JoinAsync("participant");
        var observer = await room.JoinAsync("observer");
        var messages = new ConcurrentQueue<long[]>();
        observer.Connection.On<LiveEvent>(nameof(ISessionClient.Event), e => messages.Enqueue([e.Seq]));
        observer.Connection.On<IReadOnlyList<LiveEvent>>(nameof(ISessionClient.Events), es => messages.Enqueue(es.Select(e => e.Seq).ToArray()));
        var section = observer.Snapshot!.Sections.First(x => !x.Silent).Id;
        await Task.Delay(3000); // let any window opened while the room was arranged run out

        var first = await facilitator.AddResponseAsync(section, "First, after a quiet spell");
        LiveAssert.Ok(first);
        await observer.UntilSeqAsync(first.Seq);
        Assert.Equal($"{first.Seq}", Shapes(messages)); // sent at once, not held for the window

        var later = await Task.WhenAll(
            participant.AddResponseAsync(section, "Second, inside the window"),
            facilitator.AddResponseAsync(section, "Third, inside the window"));

        Assert.All(later, LiveAssert.Ok);
        await observer.UntilSeqAsync(first.Seq + 2);
        Assert.Equal($"{first.Seq} | {first.Seq + 1},{first.Seq + 2}", Shapes(messages));
        LiveAssert.Contiguous(observer, first.Seq, first.Seq + 2);
        var expected = new[] { (first.Seq, "First, after a quiet spell"), (later[0].Seq, "Second, inside the window"), (later[1].Seq, "Third, inside the window") };
        Assert.Equal(expected.OrderBy(x => x.Item1).Select(x => x.Item2),
            observer.AppliedEvents.Where(e => e.Seq >= first.Seq).Select(e => e.Data.GetProperty("text").GetString()));
    }

    /// <summary>The messages as sent: sequence numbers of one message joined by commas, messages by " | ".</summary>
    private static string Shapes(IEnumerable<long[]> messages) => string.Join(" | ", messages.Select(m => string.Join(",", m)));
}
