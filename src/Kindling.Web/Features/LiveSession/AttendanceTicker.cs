using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>
/// Adds a minute of attendance for every person connected to a session on this instance. A minute is the whole
/// minutes since the session's scheduled start; a row gains it only while its
/// <see cref="Domain.Attendance.LastMinute"/> is lower, so with several instances (the Redis backplane) holding the
/// same person, or a round run twice, each minute counts once.
/// </summary>
public sealed class AttendanceTicker(KindlingDb db, Presence presence, TimeProvider clock)
{
    /// <summary>One round for this instance's connections; returns how many people gained a minute.</summary>
    public Task<int> TickAsync() =>
        CountAsync(
            presence
                .SessionIds()
                .ToDictionary(
                    id => id,
                    id => (IReadOnlyList<string>)presence.Members(id).Select(m => m.UserId).ToList()
                )
        );

    /// <summary>Counts the current minute for the people connected to each session (as one instance sees
    /// them).</summary>
    public async Task<int> CountAsync(IReadOnlyDictionary<Guid, IReadOnlyList<string>> connected)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var counted = 0;
        foreach (var (sessionId, people) in connected)
        {
            if (people.Count == 0 || await AttendanceRecorder.CountingStartAsync(db, sessionId, now) is not { } start)
                continue;
            var minute = (int)Math.Floor((now - start).TotalMinutes);
            foreach (var chunk in people.Distinct(StringComparer.Ordinal).Chunk(500))
            {
                await AttendanceRecorder.EnsureAsync(db, sessionId, chunk);
                counted += await db
                    .Attendance.Where(a =>
                        a.SessionId == sessionId && chunk.Contains(a.UserId) && a.LastMinute < minute
                    )
                    .ExecuteUpdateAsync(x =>
                        x.SetProperty(a => a.Minutes, a => a.Minutes + 1)
                            .SetProperty(a => a.LastMinute, minute)
                            .SetProperty(a => a.LastSeenUtc, now)
                            .SetProperty(a => a.FirstJoinedUtc, a => a.FirstJoinedUtc ?? now)
                    );
            }
        }
        return counted;
    }
}

/// <summary>Counts attendance minutes once a minute (<see cref="AttendanceTicker"/>).</summary>
public sealed class AttendanceJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AttendanceJob> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromMinutes(1);
    protected override string Doing => "Counting attendance minutes";

    protected override async Task RunOnceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AttendanceTicker>().TickAsync();
    }
}
