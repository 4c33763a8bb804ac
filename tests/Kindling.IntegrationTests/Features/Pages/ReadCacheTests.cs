using System.Data.Common;
using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kindling.IntegrationTests.Features.Pages;

/// <summary>
/// Pages keep what they read until a table they read is written (ReadCache): a page loaded again costs no query, and
/// whatever changes what it shows, through any kind of write, shows on the very next load.
/// </summary>
public class ReadCacheTests
{
    /// <summary>Counts the commands that read one table (the dashboard alone reads WorksheetReviewers), whichever
    /// pooled context runs them; background work reads other tables, so the count is the page's.</summary>
    private sealed class ReadsOf(string table) : DbCommandInterceptor
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default
        )
        {
            if (command.CommandText.Contains($"FROM \"{table}\"", StringComparison.Ordinal))
                Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dashboard_LoadedAgain_RunsNoQuery_UntilATableItShowsIsWritten(string provider)
    {
        var reads = new ReadsOf("WorksheetReviewers");
        await using var app = new KindlingApp(provider, services: s => s.AddSingleton<IInterceptor>(reads));
        var s = await CohortScenario.CreateAsync(app);
        using var participant = await s.ClientAsAsync("participant");

        var first = await participant.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var once = reads.Count;
        Assert.True(once >= 1, "the first load reads the database");
        await participant.GetAsync("/");
        Assert.Equal(once, reads.Count);

        // Another person's notification writes a table the dashboard does not read: still kept.
        await app.WithDbAsync(db =>
        {
            db.Notifications.Add(
                new Notification
                {
                    UserId = s.Users["facilitator"].Id,
                    Kind = MessageKind.Account,
                    Title = "Hello",
                    Link = "/",
                    CreatedUtc = app.Clock.GetUtcNow().UtcDateTime,
                }
            );
            return db.SaveChangesAsync();
        });
        await participant.GetAsync("/");
        Assert.Equal(once, reads.Count);

        // A bulk update (no change tracking) of a table it shows: read again, and the page shows the change.
        await app.WithDbAsync(db =>
            db.Cohorts.Where(c => c.Id == s.CohortId)
                .ExecuteUpdateAsync(x => x.SetProperty(c => c.Name, "Autumn circle"))
        );
        var renamed = await participant.GetAsync("/");
        Assert.Contains("Autumn circle", renamed.Text, StringComparison.Ordinal);
        Assert.Equal(once + 1, reads.Count);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CohortPage_MemberRemoved_IsRefusedOnTheNextLoad(string provider)
    {
        await using var app = new KindlingApp(provider);
        var s = await CohortScenario.CreateAsync(app);
        using var participant = await s.ClientAsAsync("participant");
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/cohorts/{s.CohortId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync($"/cohorts/{s.CohortId}")).Status);

        // Removed inside a transaction: the page may only change once it commits, and must then.
        await app.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var member = await db.CohortMembers.SingleAsync(m =>
                m.CohortId == s.CohortId && m.UserId == s.Users["participant"].Id
            );
            db.CohortMembers.Remove(member);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await participant.GetAsync($"/cohorts/{s.CohortId}")).Status);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bell_ShowsANewNotification_AndItsReading_OnTheNextPage(string provider)
    {
        await using var app = new KindlingApp(provider);
        var s = await CohortScenario.CreateAsync(app);
        using var participant = await s.ClientAsAsync("participant");
        string? Badge(PageClient.Page page) => page.Document.QuerySelector("[data-bell-count] .badge")?.TextContent;
        Assert.Null(Badge(await participant.GetAsync("/account/profile")));

        await app.WithDbAsync(db =>
        {
            db.Notifications.Add(
                new Notification
                {
                    UserId = s.Users["participant"].Id,
                    Kind = MessageKind.Account,
                    Title = "Your session starts soon",
                    Link = "/",
                    CreatedUtc = app.Clock.GetUtcNow().UtcDateTime,
                }
            );
            return db.SaveChangesAsync();
        });
        Assert.Equal("1", Badge(await participant.GetAsync("/account/profile")));

        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(db =>
            db.Notifications.Where(n => n.UserId == s.Users["participant"].Id)
                .ExecuteUpdateAsync(x => x.SetProperty(n => n.ReadUtc, now))
        );
        Assert.Null(Badge(await participant.GetAsync("/account/profile")));
    }
}
