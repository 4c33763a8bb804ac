using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.LiveSession;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kindling.Web.Features.Admin;

/// <summary>
/// The state of the instance answering this request: version, uptime, database and migrations, Redis, outbox, the live
/// sessions people are connected to here, and the health checks. With several instances, each shows its own.
/// </summary>
public sealed class InstanceModel(
    KindlingDb db,
    InstanceInfo instance,
    HealthCheckService health,
    Presence presence,
    IOptions<LiveOptions> live,
    TimeProvider clock,
    PresenceMirror? mirror = null
) : PageModel
{
    public sealed record LiveRow(Guid SessionId, string Cohort, string Lesson, DateTime StartsUtc, int People);

    public sealed record CheckRow(string Name, HealthStatus Status, string? Description);

    public string Zone { get; private set; } = "UTC";
    public DateTime NowUtc { get; private set; }
    public InstanceInfo Info => instance;
    public string Database { get; private set; } = "";
    public IReadOnlyList<string> Applied { get; private set; } = [];
    public IReadOnlyList<string> Pending { get; private set; } = [];
    public bool RedisConfigured => !string.IsNullOrWhiteSpace(live.Value.RedisConnectionString);
    public bool RedisConnected => mirror?.IsConnected == true;
    public int Waiting { get; private set; }
    public int Failed { get; private set; }
    public DateTime? OldestWaitingUtc { get; private set; }
    public IReadOnlyList<LiveRow> Live { get; private set; } = [];
    public int Connections { get; private set; }
    public HealthStatus Overall { get; private set; }
    public IReadOnlyList<CheckRow> Checks { get; private set; } = [];

    public async Task OnGetAsync()
    {
        NowUtc = clock.GetUtcNow().UtcDateTime;
        var me = CohortAccess.UserId(User);
        Zone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).FirstOrDefaultAsync() ?? "UTC";
        Database = Banner.DescribeDatabase(db);
        Applied = [.. await db.Database.GetAppliedMigrationsAsync()];
        Pending = [.. await db.Database.GetPendingMigrationsAsync()];
        var counts = await OutboxModel.CountsAsync(db);
        Waiting = counts.GetValueOrDefault(OutboxState.Pending);
        Failed = counts.GetValueOrDefault(OutboxState.Failed);
        OldestWaitingUtc = await OutboxModel.OldestWaitingUtcAsync(db);
        await LoadLiveAsync();
        var report = await health.CheckHealthAsync(HttpContext.RequestAborted);
        Overall = report.Status;
        Checks = [.. report.Entries.Select(e => new CheckRow(e.Key, e.Value.Status, e.Value.Description))];
    }

    private async Task LoadLiveAsync()
    {
        Connections = presence.Counts().Connections;
        var people = presence.SessionIds().ToDictionary(id => id, id => presence.Members(id).Count);
        if (people.Count == 0)
            return;
        var ids = people.Keys.ToList();
        var sessions = await db
            .Sessions.Where(s => ids.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                Cohort = s.Cohort!.Name,
                Lesson = s.Lesson!.Title,
                s.StartsUtc,
            })
            .ToListAsync();
        Live =
        [
            .. sessions
                .Select(s => new LiveRow(s.Id, s.Cohort, s.Lesson, s.StartsUtc, people[s.Id]))
                .OrderBy(r => r.StartsUtc),
        ];
    }

    /// <summary>A duration as people say it: "3 days 4 hours", "2 hours 5 minutes", "40 seconds".</summary>
    public static string Span(TimeSpan t)
    {
        static string Unit(int n, string one) => n == 1 ? $"1 {one}" : $"{n} {one}s";
        if (t < TimeSpan.Zero)
            t = TimeSpan.Zero;
        if (t.TotalDays >= 1)
            return $"{Unit((int)t.TotalDays, "day")} {Unit(t.Hours, "hour")}";
        if (t.TotalHours >= 1)
            return $"{Unit(t.Hours, "hour")} {Unit(t.Minutes, "minute")}";
        if (t.TotalMinutes >= 1)
            return Unit(t.Minutes, "minute");
        return Unit(t.Seconds, "second");
    }

    public static string Describe(HealthStatus s) =>
        s switch
        {
            HealthStatus.Healthy => "Healthy",
            HealthStatus.Degraded => "Degraded",
            _ => "Unhealthy",
        };
}
