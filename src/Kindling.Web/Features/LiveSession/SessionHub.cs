using System.Security.Claims;
using Kindling.Data;
using Kindling.LiveClient;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The one hub for live sessions. Thin: every method loads the caller's membership (and the validity of their sign-in)
/// from the database, runs the command (validate, authorise, commit) and only then acknowledges and broadcasts.
/// Connections from other sites' pages never get here (<see cref="HubOrigin"/>).
/// </summary>
[Authorize]
public sealed class SessionHub(
    KindlingDb db,
    ResponseCommands responses,
    FacilitatorCommands facilitator,
    TimerCommands timer,
    OpenLiveDocument opener,
    LiveBroadcaster broadcaster,
    Presence presence,
    TimeProvider clock,
    QuestionCommands questions,
    BreakoutCommands breakouts,
    IOptions<IdentityOptions> identity,
    ILogger<SessionHub> log
) : Hub<ISessionClient>
{
    public const string NotShared = "This session is not shared with you.";
    public const string SignedOut =
        "You have signed out, or your password changed, since this room connected. Sign in again to rejoin.";

    private string? UserId => Context.User?.FindFirstValue(ClaimTypes.NameIdentifier);

    public DateTime Time() => clock.GetUtcNow().UtcDateTime;

    public override async Task OnConnectedAsync()
    {
        presence.Track(Context);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Leave(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// The caller's membership as the database has it now, or why not. A connection keeps the sign-in it was opened
    /// with, so that sign-in's security stamp is compared with the account's: after signing out or a password change
    /// the connection leaves its session and every call is refused (the change itself closes it too: LiveEviction).
    /// </summary>
    private async Task<(LiveContext? Ctx, string Refusal)> CallerAsync(Guid sessionId)
    {
        var ctx = await LiveContext.LoadAsync(db, sessionId, UserId);
        if (ctx is null)
            return (null, NotShared);
        if (ctx.IsSignedInAs(Context.User, identity.Value.ClaimsIdentity.SecurityStampClaimType))
            return (ctx, "");
        presence.Forget(Context.ConnectionId);
        return (null, SignedOut);
    }

    public async Task<JoinResult> Join(Guid sessionId, long since)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (ctx, refused) = await CallerAsync(sessionId);
        if (ctx is null)
            return new JoinResult(false, refused, null, [], now);
        // The document opens by itself shortly before the session starts (RoomOpeningWatcher); a facilitator may open
        // it earlier.
        if (OpenLiveDocument.OpensUtc(ctx.StartsUtc) <= now)
            await opener.OpenAsync(sessionId);
        // In the session's group before the snapshot is read, so a connection waiting for the document hears it open
        // (Opened).
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Session(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveGroups.Person(sessionId, ctx.UserId));
        var events = since > 0 ? await LiveViews.SinceAsync(db, ctx, since, now) : null;
        Snapshot? snapshot = null;
        if (events is null)
        {
            snapshot = await LiveViews.SnapshotAsync(db, ctx);
            if (snapshot is null)
                return new JoinResult(
                    false,
                    "The facilitator has not opened this session's document yet.",
                    null,
                    [],
                    now
                );
        }
        // the list reaches the session, this caller included, coalesced
        presence.Join(sessionId, Context.ConnectionId, ctx);
        try
        {
            await AttendanceRecorder.JoinedAsync(db, sessionId, ctx.UserId, now);
        }
        catch (System.Data.Common.DbException e)
        {
            // Attendance is the room's by-product: a failed write must not keep the person out of the room (the
            // minute count and the roll call still record them, and a facilitator can correct it).
            log.LogWarning(e, "Recording the join of session {SessionId} failed.", sessionId);
        }
        if (ctx.Role == Kindling.Domain.CohortRole.Participant && await BreakoutCommands.NeedsPlacingAsync(db, ctx))
            await Publish(await breakouts.PlaceLateJoinerAsync(ctx));
        return new JoinResult(true, null, snapshot, events ?? [], now);
    }

    /// <summary>Facilitator: creates the session document from the lesson now, before the session starts.</summary>
    public async Task<Ack> Open(Guid sessionId)
    {
        var (ctx, refused) = await CallerAsync(sessionId);
        if (ctx is null)
            return Ack.Fail(refused);
        if (!ctx.IsFacilitator)
            return Ack.Fail("Only a facilitator can open the session document early.");
        await opener.OpenAsync(sessionId);
        return new Ack(true, 0, sessionId, null);
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
        await CallerAsync(sessionId) switch
        {
            ({ } ctx, _) => await QuestionCommands.ListAsync(db, ctx),
            (_, var refused) => new QuestionList(false, refused, []),
        };

    public async Task<BreakoutState> Breakouts(Guid sessionId) =>
        await CallerAsync(sessionId) switch
        {
            ({ } ctx, _) => await BreakoutViews.StateAsync(db, ctx.SessionId, ctx.UserId),
            (_, var refused) => new BreakoutState(false, refused, null, null, false, [], null),
        };

    public async Task<ParticipationResult> Participation(Guid sessionId) =>
        await CallerAsync(sessionId) switch
        {
            ({ } ctx, _) => await LiveSession.Participation.ForAsync(db, ctx, presence),
            (_, var refused) => new ParticipationResult(false, refused, [], 0),
        };

    /// <summary>The cohort's shared worksheets for the "share your insights" slot (pushed again whenever they
    /// change).</summary>
    public async Task<SharedWorksheetList> SharedWorksheets(Guid sessionId) =>
        await CallerAsync(sessionId) switch
        {
            ({ } ctx, _) => new SharedWorksheetList(
                true,
                null,
                await ShareSlot.SharedWorksheetsAsync(db, ctx.CohortId)
            ),
            (_, var refused) => new SharedWorksheetList(false, refused, []),
        };

    private async Task Publish(LiveStore.Committed done)
    {
        if (done.Event is not null)
            await broadcaster.PublishAsync(done);
    }

    private async Task<Ack> Run(Guid sessionId, Func<LiveContext, Task<LiveStore.Committed>> command)
    {
        var (ctx, refused) = await CallerAsync(sessionId);
        if (ctx is null)
            return Ack.Fail(refused);
        var done = await command(ctx);
        await Publish(done);
        return done.Ack;
    }
}
