using System.Security.Claims;
using Kindling.LiveClient;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The one hub for live sessions. Thin: every method loads the caller's membership from the database, runs the command
/// (validate, authorise, commit) and only then acknowledges and broadcasts.
/// </summary>
[Authorize]
public sealed class SessionHub(LiveStore store, ResponseCommands responses, FacilitatorCommands facilitator,
    TimerCommands timer, OpenLiveDocument opener, LiveBroadcaster broadcaster, Presence presence, TimeProvider clock) : Hub<ISessionClient>
{
    private string? UserId => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public DateTime Time() => clock.GetUtcNow().UtcDateTime;

    public async Task<JoinResult> Join(Guid sessionId, long since)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ctx = await LiveContext.LoadAsync(store.Db, sessionId, UserId);
        if (ctx is null) return new JoinResult(false, "This session is not shared with you.", null, [], now);
        // The document opens by itself shortly before the session starts; a facilitator may open it earlier (Open).
        if (ctx.StartsUtc - OpenLiveDocument.OpensBeforeStart <= now) await opener.OpenAsync(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Session(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Person(sessionId, ctx.UserId));
        var events = since > 0 ? await LiveViews.SinceAsync(store.Db, ctx, since, now) : null;
        Snapshot? snapshot = null;
        if (events is null)
        {
            snapshot = await LiveViews.SnapshotAsync(store.Db, ctx);
            if (snapshot is null) return new JoinResult(false, "The facilitator has not opened this session's document yet.", null, [], now);
        }
        presence.Join(sessionId, Context.ConnectionId, ctx); // the list reaches the session, this caller included, coalesced
        return new JoinResult(true, null, snapshot, events ?? [], now);
    }

    /// <summary>Facilitator: creates the session document from the lesson now, before the session starts.</summary>
    public async Task<Ack> Open(Guid sessionId)
    {
        var ctx = await LiveContext.LoadAsync(store.Db, sessionId, UserId);
        if (ctx is null) return Ack.Fail("This session is not shared with you.");
        if (!ctx.IsFacilitator) return Ack.Fail("Only a facilitator can open the session document early.");
        await opener.OpenAsync(sessionId);
        return new Ack(true, 0, sessionId, null);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Leave(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    public Task<Ack> AddResponse(AddResponse c) => Run(c.SessionId, ctx => responses.AddAsync(ctx, c));
    public Task<Ack> EditResponse(EditResponse c) => Run(c.SessionId, ctx => responses.EditAsync(ctx, c));
    public Task<Ack> DeleteResponse(DeleteResponse c) => Run(c.SessionId, ctx => responses.DeleteAsync(ctx, c));
    public Task<Ack> RollCall(RollCall c) => Run(c.SessionId, ctx => responses.RollCallAsync(ctx, c));
    public Task<Ack> Moderate(ModerateResponse c) => Run(c.SessionId, ctx => facilitator.ModerateAsync(ctx, c));
    public Task<Ack> AddPrompt(AddPrompt c) => Run(c.SessionId, ctx => facilitator.AddPromptAsync(ctx, c));
    public Task<Ack> MovePrompt(MovePrompt c) => Run(c.SessionId, ctx => facilitator.MovePromptAsync(ctx, c));
    public Task<Ack> SetSilent(SetSilent c) => Run(c.SessionId, ctx => facilitator.SetSilentAsync(ctx, c));
    public Task<Ack> Reveal(Reveal c) => Run(c.SessionId, ctx => facilitator.RevealAsync(ctx, c));
    public Task<Ack> SetLocked(SetLocked c) => Run(c.SessionId, ctx => facilitator.SetLockedAsync(ctx, c));
    public Task<Ack> Timer(TimerCommand c) => Run(c.SessionId, ctx => timer.TimerAsync(ctx, c));
    public Task<Ack> Goto(GotoActivity c) => Run(c.SessionId, ctx => timer.GotoAsync(ctx, c));

    private async Task<Ack> Run(Guid sessionId, Func<LiveContext, Task<LiveStore.Committed>> command)
    {
        var ctx = await LiveContext.LoadAsync(store.Db, sessionId, UserId);
        if (ctx is null) return Ack.Fail("This session is not shared with you.");
        var done = await command(ctx);
        if (done.Event is not null) await broadcaster.PublishAsync(done.Event);
        return done.Ack;
    }
}
