using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// A session's attendance, recorded durably from the live room (<see cref="Domain.Attendance"/>): the first join and
/// the last time seen, the roll call, and the minutes connected (<see cref="AttendanceTicker"/>). A row is made by an
/// insert that does nothing when the row exists already (<c>ON CONFLICT DO NOTHING</c>, on SQLite and PostgreSQL
/// alike), so two instances, or a join racing a roll call, never fail on the key; every change after it is a
/// conditional update.
/// </summary>
public static class AttendanceRecorder
{
    /// <summary>Presence counts until this long after the scheduled end, unless the session was ended before.</summary>
    public static readonly TimeSpan AfterEnd = TimeSpan.FromMinutes(60);

    /// <summary>A successful join of the live room: the first join (kept once) and the last time seen.</summary>
    public static async Task JoinedAsync(KindlingDb db, Guid sessionId, string userId, DateTime now)
    {
        if (await CountingStartAsync(db, sessionId, now) is null)
            return;
        await EnsureAsync(db, sessionId, [userId]);
        await db
            .Attendance.Where(a => a.SessionId == sessionId && a.UserId == userId)
            .ExecuteUpdateAsync(x =>
                x.SetProperty(a => a.FirstJoinedUtc, a => a.FirstJoinedUtc ?? now).SetProperty(a => a.LastSeenUtc, now)
            );
    }

    /// <summary>The person answered the roll call (kept once). Runs in the live change's transaction
    /// (<c>tx.Db</c>), so it is stored with the answer or not at all.</summary>
    public static async Task RollCallAsync(KindlingDb db, Guid sessionId, string userId, DateTime now)
    {
        await EnsureAsync(db, sessionId, [userId]);
        await db
            .Attendance.Where(a => a.SessionId == sessionId && a.UserId == userId && a.RollCallUtc == null)
            .ExecuteUpdateAsync(x => x.SetProperty(a => a.RollCallUtc, now));
    }

    /// <summary>
    /// The session's scheduled start when presence counts now: from the room's opening (or from when a facilitator
    /// opened the document by hand, for a call held early) until an hour after the scheduled end, and not once the
    /// session was ended (a <see cref="Domain.SessionWrapUp"/> exists); otherwise null.
    /// </summary>
    public static async Task<DateTime?> CountingStartAsync(KindlingDb db, Guid sessionId, DateTime now)
    {
        var s = await db
            .Sessions.Where(x => x.Id == sessionId)
            .Select(x => new
            {
                x.StartsUtc,
                Minutes = x.PresentationMinutes + x.DiscussionMinutes,
                Ended = db.SessionWrapUps.Any(w => w.SessionId == x.Id),
                Opened = db
                    .LiveDocuments.Where(d => d.SessionId == x.Id)
                    .Select(d => (DateTime?)d.OpenedUtc)
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync();
        if (s is null || s.Ended)
            return null;
        var opens = OpenLiveDocument.OpensUtc(s.StartsUtc);
        if (s.Opened is { } opened && opened < opens)
            opens = opened;
        var counts = now >= opens && now <= s.StartsUtc.AddMinutes(s.Minutes) + AfterEnd;
        return counts ? s.StartsUtc : null;
    }

    /// <summary>Makes the rows of these people that are missing; an existing row (another instance's) is left
    /// alone.</summary>
    public static async Task EnsureAsync(KindlingDb db, Guid sessionId, IReadOnlyCollection<string> userIds)
    {
        var existing = await db
            .Attendance.Where(a => a.SessionId == sessionId && userIds.Contains(a.UserId))
            .Select(a => a.UserId)
            .ToListAsync();
        foreach (var userId in userIds.Except(existing, StringComparer.Ordinal))
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "Attendance" ("SessionId", "UserId", "Minutes", "LastMinute", "Mark")
                VALUES ({sessionId}, {userId}, 0, {int.MinValue}, 0)
                ON CONFLICT ("SessionId", "UserId") DO NOTHING
                """
            );
    }
}
