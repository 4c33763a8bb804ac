using Kindling.IntegrationTests.Infrastructure;
using Kindling.LiveClient;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kindling.IntegrationTests.Features.LiveSession;

/// <summary>Someone removed from the cohort while their live room is open stops receiving the session at
/// once.</summary>
[Collection(SecondAppCollection.Name)]
public class LiveEvictionTests(Apps apps)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RemovedMember_WithRoomOpen_ReceivesNothingMoreAndCannotRejoin(string provider)
    {
        await using var room = await LiveRoom.OpenAsync(await apps.GetAsync(provider));
        var fac = await room.JoinAsync("facilitator");
        var par = await room.JoinAsync("participant");
        var section = fac.Snapshot!.Sections.First(x => !x.Silent);
        var before = await fac.AddResponseAsync(section.Id, "Before the removal");
        LiveAssert.Ok(before);
        await par.UntilSeqAsync(before.Seq);

        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        par.Connection.Closed += _ =>
        {
            dropped.TrySetResult();
            return Task.CompletedTask;
        };
        par.Connection.Reconnecting += _ =>
        {
            dropped.TrySetResult();
            return Task.CompletedTask;
        };
        using var facilitatorPages = await room.S.ClientAsAsync("facilitator");
        var members = $"/cohorts/{room.S.CohortId}/members";
        var removed = await facilitatorPages.PostFormAsync(
            members,
            new Dictionary<string, string> { ["userId"] = room.S.Users["participant"].Id },
            members + "?handler=Remove"
        );
        Assert.Equal(System.Net.HttpStatusCode.Redirect, removed.Status);

        // Their connection is taken out of the session (and closed); joining again is refused.
        await dropped.Task.WaitAsync(TimeSpan.FromSeconds(LiveAssert.Patience));
        var until = DateTime.UtcNow.AddSeconds(LiveAssert.Patience);
        while (
            par.Connection.State is HubConnectionState.Connecting or HubConnectionState.Reconnecting
            && DateTime.UtcNow < until
        )
            await Task.Delay(50);
        var rejoin =
            par.Connection.State == HubConnectionState.Disconnected ? await par.StartAsync() : await par.JoinAsync();
        Assert.False(rejoin.Ok);
        Assert.Contains("not shared with you", rejoin.Error);

        var after = await fac.AddResponseAsync(section.Id, "After the removal: not for them");
        LiveAssert.Ok(after);
        await fac.UntilSeqAsync(after.Seq);
        await Task.Delay(500); // what the facilitator has, a still-subscribed connection would have had by now
        Assert.DoesNotContain(par.AppliedEvents, e => e.Seq >= after.Seq);
        Assert.DoesNotContain(par.AppliedEvents, e => e.Data.GetRawText().Contains("not for them"));
    }
}
