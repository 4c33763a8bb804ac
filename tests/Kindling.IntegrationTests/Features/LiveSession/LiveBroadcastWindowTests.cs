using System.Collections.Concurrent;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Kindling.Web.Features.LiveSession;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>
/// The broadcast window (Live:BroadcastWindowMs): a change after a quiet spell goes out at once on its own, and changes
/// committed while the window runs reach everyone together as one message, in sequence order, with nothing dropped.
/// The window is timed by a fake pacing clock the test moves, so how busy the machine is cannot change the outcome.
/// </summary>
public class LiveBroadcastWindowTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(500);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChangesMadeDuringTheWindow_ArriveTogetherInOneMessage_AfterTheFirstWentOutAlone(string provider)
    {
        var pacing = new FakeTimeProvider(KindlingApp.Start);
        await using var app = new KindlingApp(
            provider,
            new Dictionary<string, string> { ["Live:BroadcastWindowMs"] = $"{Window.TotalMilliseconds}" },
            s => s.AddKeyedSingleton<TimeProvider>(LiveBroadcaster.PacingKey, pacing)
        );
        var broadcaster = app.Services.GetRequiredService<LiveBroadcaster>();
        await using var room = await LiveRoom.OpenAsync(app);
        var facilitator = await room.JoinAsync("facilitator");
        var participant = await room.JoinAsync("participant");
        var observer = await room.JoinAsync("observer");
        var messages = new ConcurrentQueue<long[]>();
        observer.Connection.On<LiveEvent>(nameof(ISessionClient.Event), e => messages.Enqueue([e.Seq]));
        observer.Connection.On<IReadOnlyList<LiveEvent>>(
            nameof(ISessionClient.Events),
            es => messages.Enqueue(es.Select(e => e.Seq).ToArray())
        );
        var section = observer.Snapshot!.Sections.First(x => !x.Silent).Id;
        Assert.Equal((false, 0), broadcaster.State(room.SessionId)); // quiet: nothing sent yet, no window open

        var first = await facilitator.AddResponseAsync(section, "First, after a quiet spell");
        LiveAssert.Ok(first);
        await Until(() => Count(messages) == 1, "the observer received the first change");
        Assert.Equal($"{first.Seq}", Shapes(messages)); // sent at once, without waiting for the pacing clock
        Assert.Equal((true, 0), broadcaster.State(room.SessionId)); // and now the window is open

        var later = Task.WhenAll(
            participant.AddResponseAsync(section, "Second, inside the window"),
            facilitator.AddResponseAsync(section, "Third, inside the window")
        );
        await Until(
            () => broadcaster.State(room.SessionId).Waiting == 2,
            "both later changes were committed and wait for the window"
        );
        Assert.False(later.IsCompleted, "a change inside the window is acknowledged only once it has been broadcast");
        Assert.Equal($"{first.Seq}", Shapes(messages));

        // End the window. The loop registered its wait right after sending the first change, long before both later
        // changes committed; moving the clock again covers a loop that had not got there yet.
        await Until(
            () => later.IsCompleted,
            "the later changes were broadcast and acknowledged",
            () => pacing.Advance(Window)
        );
        var acks = await later;
        Assert.All(acks, LiveAssert.Ok);
        await Until(() => Count(messages) == 3, "the observer received the later changes");
        await observer.UntilSeqAsync(first.Seq + 2);
        Assert.Equal($"{first.Seq} | {first.Seq + 1},{first.Seq + 2}", Shapes(messages));
        LiveAssert.Contiguous(observer, first.Seq, first.Seq + 2);
        var expected = new[]
        {
            (first.Seq, "First, after a quiet spell"),
            (acks[0].Seq, "Second, inside the window"),
            (acks[1].Seq, "Third, inside the window"),
        };
        Assert.Equal(
            expected.OrderBy(x => x.Item1).Select(x => x.Item2),
            observer.AppliedEvents.Where(e => e.Seq >= first.Seq).Select(e => e.Data.GetProperty("text").GetString())
        );

        // The next window passes with nothing in it: the loop stops, and the next change goes out at once.
        await Until(
            () => broadcaster.State(room.SessionId) == (false, 0),
            "the send loop stopped after an empty window",
            () => pacing.Advance(Window)
        );
        var fourth = await participant.AddResponseAsync(section, "Fourth, after the loop went quiet");
        LiveAssert.Ok(fourth);
        await Until(() => Count(messages) == 4, "the observer received the fourth change");
        Assert.Equal($"{first.Seq} | {first.Seq + 1},{first.Seq + 2} | {fourth.Seq}", Shapes(messages));
    }

    private static int Count(IEnumerable<long[]> messages) => messages.Sum(m => m.Length);

    /// <summary>Waits until <paramref name="condition"/> holds, doing <paramref name="nudge"/> (e.g. moving the pacing
    /// clock) before each look.</summary>
    private static async Task Until(Func<bool> condition, string what, Action? nudge = null)
    {
        var until = DateTime.UtcNow.AddSeconds(LiveAssert.Patience);
        for (nudge?.Invoke(); !condition(); nudge?.Invoke())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(10);
        }
    }

    /// <summary>The messages as sent: sequence numbers of one message joined by commas, messages by " | ".</summary>
    private static string Shapes(IEnumerable<long[]> messages) =>
        string.Join(" | ", messages.Select(m => string.Join(",", m)));
}
