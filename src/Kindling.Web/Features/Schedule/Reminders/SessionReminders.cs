using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule.Reminders;

/// <summary>
/// Reminds every member of a cohort of its sessions: once about a day before and once about an hour before, each with
/// the start in the member's own time zone, the join and live-room links and the session's calendar file. Each
/// reminder goes once per start time: the session's mark (<see cref="Session.DayReminderUtc"/>,
/// <see cref="Session.HourReminderUtc"/>) is claimed with a conditional update in the transaction that writes the
/// messages, so two instances never both send it, and moving the session clears both marks (SessionForm).
/// </summary>
/// <remarks>
/// The windows: the hour reminder when the session starts within <see cref="HourAhead"/>; the day reminder when it
/// starts within <see cref="DayAhead"/> but later than that. A session scheduled (or moved) at short notice gets the
/// day reminder at once, unless it starts within <see cref="SkipDayWithin"/>: then the hour reminder follows so soon
/// that the day reminder is marked as done without being sent. A session that has started gets nothing.
/// </remarks>
public sealed class SessionReminders(
    KindlingDb db,
    Messenger messenger,
    LessonCache lessons,
    PublicUrls urls,
    TimeProvider clock
)
{
    public static readonly TimeSpan DayAhead = TimeSpan.FromHours(24);
    public static readonly TimeSpan HourAhead = TimeSpan.FromHours(1);
    public static readonly TimeSpan SkipDayWithin = TimeSpan.FromHours(2);

    private sealed record Due(Guid Id, Guid CohortId, DateTime StartsUtc);

    /// <summary>Writes every reminder that is due now; returns how many sessions were reminded of.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (hour, day) = (now + HourAhead, now + DayAhead);
        var sent = 0;
        var hourDue = await db
            .Sessions.Where(s => s.HourReminderUtc == null && s.StartsUtc > now && s.StartsUtc <= hour)
            .Select(s => new Due(s.Id, s.CohortId, s.StartsUtc))
            .ToListAsync(ct);
        foreach (var s in hourDue)
            sent += await RemindAsync(s, hourBefore: true, ct) ? 1 : 0;
        var dayDue = await db
            .Sessions.Where(s => s.DayReminderUtc == null && s.StartsUtc > hour && s.StartsUtc <= day)
            .Select(s => new Due(s.Id, s.CohortId, s.StartsUtc))
            .ToListAsync(ct);
        foreach (var s in dayDue)
            sent += await RemindAsync(s, hourBefore: false, ct) ? 1 : 0;
        return sent;
    }

    private async Task<bool> RemindAsync(Due due, bool hourBefore, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The claim: only for the start time read above, and only if nobody (another instance) claimed it first.
        var session = db.Sessions.Where(s => s.Id == due.Id && s.StartsUtc == due.StartsUtc);
        var claimed = hourBefore
            ? await session
                .Where(s => s.HourReminderUtc == null)
                .ExecuteUpdateAsync(x => x.SetProperty(s => s.HourReminderUtc, now), ct)
            : await session
                .Where(s => s.DayReminderUtc == null)
                .ExecuteUpdateAsync(x => x.SetProperty(s => s.DayReminderUtc, now), ct);
        if (claimed == 0)
            return false;
        if (!hourBefore && due.StartsUtc - now <= SkipDayWithin)
        {
            await tx.CommitAsync(ct); // the hour reminder is close behind: marked, not sent
            return false;
        }
        var view = (await SessionView.LoadAsync(db, lessons, due.CohortId, due.Id)).Single();
        var ics = System.Text.Encoding.UTF8.GetBytes(CalendarBuilder.Build(view.Cohort.Name, [view], urls.Base));
        var attachment = new MailAttachment($"kindling-{view.Lesson.Slug}.ics", "text/calendar", ics);
        var members = await db
            .CohortMembers.Where(m => m.CohortId == due.CohortId)
            .Select(m => new { m.UserId, m.User!.TimeZoneId })
            .ToListAsync(ct);
        foreach (var m in members)
            await messenger.NotifyAsync(
                db,
                m.UserId,
                ReminderMessage.For(view, m.TimeZoneId, hourBefore, urls, attachment),
                ct
            );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
