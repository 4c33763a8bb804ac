using Kindling.Domain;
using Kindling.LiveClient;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// The run-of-show: the current agenda item and its timer. The server stores absolute instants (when the timer ends,
/// or what remains while paused) and broadcasts state changes, never ticks; clients count down themselves.
/// </summary>
public sealed class TimerCommands(LiveStore store)
{
    public Task<LiveStore.Committed> TimerAsync(LiveContext ctx, TimerCommand c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var doc = await FacilitatorCommands.RequireAsync(tx, ctx);
                var sections = await Sections(tx, ctx);
                var now = tx.Now;
                switch (c.Action)
                {
                    case TimerActions.Start:
                        var minutes =
                            c.Minutes
                            ?? sections
                                .Where(s => s.ActivityIndex == doc.CurrentSection)
                                .Select(s => s.Minutes)
                                .FirstOrDefault();
                        if (minutes is < 1 or > 240)
                            throw new LiveRuleException("A timer runs for 1 to 240 minutes.");
                        doc.TimerDurationMs = minutes * 60_000L;
                        doc.TimerEndsUtc = now.AddMilliseconds(doc.TimerDurationMs);
                        doc.TimerPausedMs = null;
                        break;
                    case TimerActions.Pause:
                        if (doc.TimerEndsUtc is not DateTime ends)
                            throw new LiveRuleException("The timer is not running.");
                        doc.TimerPausedMs = Math.Max(0, (long)(ends - now).TotalMilliseconds);
                        doc.TimerEndsUtc = null;
                        break;
                    case TimerActions.Resume:
                        if (doc.TimerPausedMs is not long left)
                            throw new LiveRuleException("The timer is not paused.");
                        doc.TimerEndsUtc = now.AddMilliseconds(left);
                        doc.TimerPausedMs = null;
                        break;
                    case TimerActions.Extend:
                        if (c.Minutes is not (>= 1 and <= 60))
                            throw new LiveRuleException("Extend by 1 to 60 minutes.");
                        if (doc.TimerEndsUtc is DateTime e)
                            doc.TimerEndsUtc = (e < now ? now : e).AddMinutes(c.Minutes.Value);
                        else if (doc.TimerPausedMs is long p)
                            doc.TimerPausedMs = p + c.Minutes.Value * 60_000L;
                        else
                            throw new LiveRuleException("Start the timer before extending it.");
                        doc.TimerDurationMs += c.Minutes.Value * 60_000L;
                        break;
                    case TimerActions.End:
                        doc.TimerEndsUtc = null;
                        doc.TimerPausedMs = null;
                        break;
                    default:
                        throw new LiveRuleException("Unknown timer action; use start, pause, resume, extend or end.");
                }
                return new Change(EventTypes.Timer, LiveViews.Timer(doc, sections, ctx.Recording), ctx.SessionId);
            }
        );

    public Task<LiveStore.Committed> GotoAsync(LiveContext ctx, GotoActivity c) =>
        store.CommitAsync(
            ctx,
            c.ClientKey,
            async tx =>
            {
                var doc = await FacilitatorCommands.RequireAsync(tx, ctx);
                var sections = await Sections(tx, ctx);
                if (sections.All(s => s.ActivityIndex != c.ActivityIndex))
                    throw new LiveRuleException("That agenda item does not exist.");
                doc.CurrentSection = c.ActivityIndex;
                doc.TimerEndsUtc = null;
                doc.TimerPausedMs = null;
                doc.TimerDurationMs = sections.First(s => s.ActivityIndex == c.ActivityIndex).Minutes * 60_000L;
                return new Change(EventTypes.Timer, LiveViews.Timer(doc, sections, ctx.Recording), ctx.SessionId);
            }
        );

    private static Task<List<LiveSection>> Sections(LiveTx tx, LiveContext ctx) =>
        tx
            .Db.LiveSections.AsNoTracking()
            .Where(s => s.SessionId == ctx.SessionId)
            .OrderBy(s => s.Position)
            .ToListAsync();
}
