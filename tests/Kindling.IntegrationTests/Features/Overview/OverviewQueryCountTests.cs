using System.Diagnostics;
using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Overview;
using Kindling.Web.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Kindling.IntegrationTests.Features.Overview.OverviewArrange;

namespace Kindling.IntegrationTests.Features.Overview;

/// <summary>The overview of a 200-member, 8-session cohort takes as many queries as a tiny one: no query per person,
/// session or worksheet.</summary>
public class OverviewQueryCountTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LargeCohort_SameFixedNumberOfQueriesAsSmallOne(string provider)
    {
        // Listening before the app's first query, on an app of its own: EF Core caches "nobody listens" per context for
        // a while, and the app's contexts are pooled, so one that ran a query before the counter existed could still
        // skip the events.
        using var counter = new CommandCounter();
        await using var app = new KindlingApp(provider);
        var small = await CohortScenario.CreateAsync(app);
        var large = await CohortScenario.CreateAsync(app);
        var template = await FirstTemplateAsync(app);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var people = await MembersAsync(
                db,
                large.CohortId,
                now,
                [.. Enumerable.Range(1, 198).Select(i => $"P{i:000}")]
            );
            var sessions = await HeldSessionsAsync(db, large.CohortId, now, 7);
            var i = 0;
            foreach (var p in people.Values)
            {
                i++;
                foreach (var s in sessions.Where((_, n) => (n + i) % 3 != 0))
                    db.Attendance.Add(
                        new Kindling.Domain.Attendance
                        {
                            SessionId = s.Id,
                            UserId = p.Id,
                            FirstJoinedUtc = s.StartsUtc,
                        }
                    );
                db.SessionFeedback.Add(
                    OverviewContentTests.Feedback(sessions[i % 7].Id, p.Id, now, "ok", rating: i % 5 + 1)
                );
                Copy(db, large.CohortId, p, template, now, d => d.Set(template.Fields.First().Id, "x"));
            }
            return await db.SaveChangesAsync();
        });

        var (smallQueries, smallOverview) = await CountAsync(app, small, counter);
        var (largeQueries, largeOverview) = await CountAsync(app, large, counter);

        Assert.Equal((2, 1), (smallOverview.People.Count, smallOverview.Sessions.Count));
        Assert.Equal((200, 8), (largeOverview.People.Count, largeOverview.Sessions.Count));
        Assert.Equal(198, largeOverview.Feedback.Sum(f => f.Responses));
        Assert.Equal(smallQueries, largeQueries);
        Assert.InRange(largeQueries, 1, 14);
    }

    private static async Task<(int Queries, CohortOverview Overview)> CountAsync(
        KindlingApp app,
        CohortScenario s,
        CommandCounter counter
    )
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        var facilitator = s.Users["facilitator"].Id;
        var member = await db
            .CohortMembers.AsNoTracking()
            .SingleAsync(m => m.CohortId == s.CohortId && m.UserId == facilitator);
        var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Curriculum).SingleAsync(c => c.Id == s.CohortId);
        var query = scope.ServiceProvider.GetRequiredService<CohortOverviewQuery>();
        counter.Track(db);
        var overview = await query.LoadAsync(new Membership(cohort, member, false));
        return (counter.Count, overview);
    }

    /// <summary>Counts the commands one context runs, from EF Core's diagnostic events.</summary>
    private sealed class CommandCounter
        : IObserver<DiagnosticListener>,
            IObserver<KeyValuePair<string, object?>>,
            IDisposable
    {
        private readonly List<IDisposable> _subscriptions = [];
        private DbContext? _db;
        private int _count;

        public CommandCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        /// <summary>Counts this context's commands from now on, from zero.</summary>
        public void Track(DbContext db)
        {
            Volatile.Write(ref _count, 0);
            Volatile.Write(ref _db, db);
        }

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions)
                    _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (
                e.Key == RelationalEventId.CommandExecuted.Name
                && e.Value is CommandExecutedEventData d
                && d.Context == _db
            )
                Interlocked.Increment(ref _count);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions)
                foreach (var s in _subscriptions)
                    s.Dispose();
        }
    }
}
