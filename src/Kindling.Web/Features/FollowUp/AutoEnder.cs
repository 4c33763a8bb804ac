using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.FollowUp;

/// <summary>
/// Ends the sessions nobody ended, <see cref="FollowUpOptions.AutoEndMinutes"/> after their scheduled end, and tells
/// the cohort's facilitators that the drafted message waits for their review; a draft still unsent
/// <see cref="FollowUpOptions.AutoSendHours"/> after that is sent as it is.
/// </summary>
/// <remarks>
/// Only sessions whose scheduled end passed within <see cref="FollowUpOptions.AutoEndWithinDays"/> are ended, held or
/// not: the first start on a database full of older sessions ends none of them and writes to nobody (a facilitator
/// can still end one by hand). Every instance runs this; <see cref="SessionEnder"/> ends each session once and only
/// the call that ended it writes the notice, and <see cref="WrapUpMessages.SendAsync"/> sends once.
/// </remarks>
public sealed class AutoEnder(
    KindlingDb db,
    SessionEnder ender,
    WrapUpMessages messages,
    Messenger messenger,
    IOptions<FollowUpOptions> options,
    TimeProvider clock,
    ILogger<AutoEnder> log
)
{
    /// <summary>Longer than any session (4 hours of lesson and 2 of discussion at most).</summary>
    private static readonly TimeSpan LongestSession = TimeSpan.FromDays(1);

    public async Task<(int Ended, int Sent)> RunOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var endedBy = now - TimeSpan.FromMinutes(o.AutoEndMinutes);
        var endedAfter = now - TimeSpan.FromDays(o.AutoEndWithinDays);
        var startedAfter = endedAfter - LongestSession;
        var candidates = await db
            .Sessions.AsNoTracking()
            .Where(s =>
                s.StartsUtc <= endedBy
                && s.StartsUtc >= startedAfter
                && !db.SessionWrapUps.Any(w => w.SessionId == s.Id)
            )
            .ToListAsync(ct);
        var ended = 0;
        foreach (var s in candidates.Where(s => s.EndsUtc <= endedBy && s.EndsUtc >= endedAfter))
        {
            try
            {
                var (_, byThisCall) = await ender.EndAsync(s.Id, null, w => NoticeAsync(s, w, ct), ct);
                ended += byThisCall ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One session that cannot end (e.g. its lesson no longer parses) must not hold up the others.
                log.LogWarning(e, "Ending session {SessionId} automatically failed; will retry", s.Id);
            }
        }
        var sendBy = now - TimeSpan.FromHours(o.AutoSendHours);
        var unsent = await db
            .SessionWrapUps.Where(w => w.MessageSentUtc == null && w.EndedUtc <= sendBy)
            .Select(w => w.SessionId)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var id in unsent)
            sent += await messages.SendAsync(id, null, null, ct) ? 1 : 0;
        return (ended, sent);
    }

    /// <summary>To the cohort's facilitators, each with the sending time in their own zone.</summary>
    private async Task NoticeAsync(Session s, SessionWrapUp w, CancellationToken ct)
    {
        var about = await db
            .Sessions.Where(x => x.Id == s.Id)
            .Select(x => new { Cohort = x.Cohort!.Name, Lesson = x.Lesson!.Title })
            .SingleAsync(ct);
        var facilitators = await db
            .CohortMembers.Where(m => m.CohortId == s.CohortId && m.Role == CohortRole.Facilitator)
            .Select(m => new { m.UserId, m.User!.TimeZoneId })
            .ToListAsync(ct);
        var sends = w.EndedUtc + TimeSpan.FromHours(options.Value.AutoSendHours);
        foreach (var f in facilitators)
        {
            var when = TimeZones.Format(sends, f.TimeZoneId);
            await messenger.NotifyAsync(
                db,
                f.UserId,
                new Message(
                    MessageKind.FacilitatorNotice,
                    $"Review the after-session message: {about.Lesson}",
                    FollowUpPaths.WrapUp(s.CohortId, s.Id),
                    "Review and send"
                )
                {
                    Summary = $"“{about.Lesson}” ended by itself; its message goes by itself on {when}.",
                    Paragraphs =
                    [
                        $"Nobody ended the session “{about.Lesson}” in the live room, so Kindling ended it "
                            + $"{options.Value.AutoEndMinutes} minutes after its planned end: the document is locked, "
                            + "the notes are published to the cohort and the after-session message is drafted.",
                        "Review the message, add the recording or slides link if there is one, and send it. If nobody "
                            + $"has sent it by {when}, Kindling sends the draft as it is.",
                    ],
                    CohortId = s.CohortId,
                    CohortName = about.Cohort,
                },
                ct
            );
        }
    }
}

/// <summary>Looks for sessions to end and drafts to send once a minute (<see cref="AutoEnder"/>).</summary>
public sealed class AutoEndJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AutoEndJob> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromMinutes(1);
    protected override string Doing => "Ending sessions and sending their after-session messages";

    protected override async Task RunOnceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AutoEnder>().RunOnceAsync();
    }
}
