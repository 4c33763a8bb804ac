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
    TimerCommands timer, OpenLiveDocument opener, LiveBroadcaster broadcaster, Presence presence, TimeProvider clock,
    QuestionCommands questions, BreakoutCommands breakouts) : Hub<ISessionClient>
{
    private string? UserId => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public DateTime Time() => clock.GetUtcNow().UtcDateTime;

    public async Task<JoinResult> Join(Guid sessionId, long since)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ctx = await LiveContext.LoadAsync(store.Db, sessionId, UserId);
        if (ctx is null) return new JoinResult(false, "This session is not shared with you.", null, [], now);
        // The document opens by itself shortly before the session starts; a facilitator may open it earlier (Open).
        if (OpenLiveDocument.OpensUtc(ctx.StartsUtc) <= now) await opener.OpenAsync(sessionId);
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Session(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Person(sessionId, ctx.UserId));
        var events = since > 0 ? await LiveViews.SinceAsync(store.Db, ctx, since, now) : null;
        Snapshot? snapshot = null;
        if (events is null)
        {
            snapshot = await LiveViews.SnapshotAsync(store.Db, ctx);
            if (snapshot is null) return new JoinResult(false, "The facilitator has not opened this session's document yet.", null, [], now);
        }
        presence.Track(Context);
        presence.Join(sessionId, Context.ConnectionId, ctx); // the list reaches the session, this caller included, coalesced
        if (ctx.Role == Kindling.Domain.CohortRole.Participant && await breakouts.NeedsPlacingAsync(ctx)) await Publish(await breakouts.PlaceLateJoinerAsync(ctx));
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

    // Q&A, breakouts and participation balance (contracts in Kindling.LiveClient/FeatureContracts.cs).
    public Task<Ack> Ask(AskQuestion c) => Run(c.SessionId, ctx => questions.AskAsync(ctx, c));
    public Task<Ack> Vote(VoteQuestion c) => Run(c.SessionId, ctx => questions.VoteAsync(ctx, c));
    public Task<Ack> AnswerQuestion(AnswerQuestion c) => Run(c.SessionId, ctx => questions.AnswerAsync(ctx, c));
    public Task<Ack> StartBreakouts(StartBreakouts c) => Run(c.SessionId, ctx => breakouts.StartAsync(ctx, c));
    public Task<Ack> MoveToGroup(MoveToGroup c) => Run(c.SessionId, ctx => breakouts.MoveAsync(ctx, c));
    public Task<Ack> EndBreakouts(EndBreakouts c) => Run(c.SessionId, ctx => breakouts.EndAsync(ctx, c));

    public async Task<QuestionList> Questions(Guid sessionId) =>
        await LiveContext.LoadAsync(store.Db, sessionId, UserId) is { } ctx
            ? await QuestionCommands.ListAsync(store.Db, ctx)
            : new QuestionList(false, "This session is not shared with you.", []);

    public async Task<BreakoutState> Breakouts(Guid sessionId) =>
        await LiveContext.LoadAsync(store.Db, sessionId, UserId) is { } ctx
            ? await BreakoutViews.StateAsync(store.Db, ctx.SessionId, ctx.UserId)
            : new BreakoutState(false, "This session is not shared with you.", null, null, false, [], null);

    public async Task<ParticipationResult> Participation(Guid sessionId) =>
        await LiveContext.LoadAsync(store.Db, sessionId, UserId) is { } ctx
            ? await LiveSession.Participation.ForAsync(store.Db, ctx, presence)
            : new ParticipationResult(false, "This session is not shared with you.", [], 0);

    private async Task Publish(LiveStore.Committed done)
    {
        if (done.Event is not null) await broadcaster.PublishAsync(done.Event);
    }

    private async Task<Ack> Run(Guid sessionId, Func<LiveContext, Task<LiveStore.Committed>> command)
    {
        var ctx = await LiveContext.LoadAsync(store.Db, sessionId, UserId);
        if (ctx is null) return Ack.Fail("This session is not shared with you.");
        var done = await command(ctx);
        if (done.Event is not null) await broadcaster.PublishAsync(done.Event);
        return done.Ack;
    }
}
