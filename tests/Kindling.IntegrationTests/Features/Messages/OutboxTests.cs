using Kindling.Data;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.TestSupport;
using Kindling.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using static Kindling.IntegrationTests.Features.Messages.OutboxApp;

namespace Kindling.IntegrationTests.Features.Messages;

/// <summary>
/// The outbound pipeline against a real SMTP server on 127.0.0.1: a message is written with the change that causes
/// it, delivered once after the commit, retried with back-off, and marked failed when refused.
/// </summary>
public class OutboxTests(OutboxTests.SmtpApps shared) : IClassFixture<OutboxTests.SmtpApps>
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CommittedNotification_ArrivesOnce_AsWellFormedMail(string provider)
    {
        var smtp = shared.Smtp;
        var app = shared.Get(provider);
        var user = await app.CreateUserAsync($"ada-{provider}@example.org", "correct horse battery");

        await NotifyAsync(app, user.Id, Sample());
        var mail = await smtp.WaitForAsync(m =>
            m.To.ToString().Contains($"ada-{provider}@example.org", StringComparison.Ordinal)
        );
        await SendAsync(app);
        await Task.Delay(300);

        Assert.Single(smtp.To($"ada-{provider}@example.org"));
        Assert.Equal("[Spring cohort] A new comment", mail.Subject);
        Assert.Contains("Ada commented on \"Stakeholder map\": <b>looks good</b> & more.", mail.TextBody);
        Assert.Contains("Open it: http://localhost/notifications", mail.TextBody);
        Assert.Contains("&lt;b&gt;looks good&lt;/b&gt; &amp; more.", mail.HtmlBody);
        Assert.DoesNotContain("<img", mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Spring cohort", mail.TextBody);
        Assert.Matches("^<http://localhost/messages/unsubscribe/[^>]+>$", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var row = (await RowsToAsync(app, $"ada-{provider}@example.org")).Single();
        Assert.Equal(OutboxState.Sent, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.Equal($"{row.Id:N}@localhost", mail.MessageId);
        var note = await app.WithDbAsync(db => db.Notifications.SingleAsync(n => n.UserId == user.Id));
        Assert.Equal("A new comment", note.Title);
        Assert.Equal("/notifications", note.Link);
        Assert.Null(note.ReadUtc);
    }

    [Fact]
    public async Task AccountMail_CannotBeUnsubscribed_AndAttachmentsTravel()
    {
        var smtp = shared.Smtp;
        var app = shared.Get("sqlite");
        var message = Sample(MessageKind.Account, "Reset your password for Spring cohort") with
        {
            Attachments = [new MailAttachment("session.ics", "text/calendar", "BEGIN:VCALENDAR"u8.ToArray())],
        };

        await MailAsync(app, "grace@example.org", message);
        var mail = await smtp.WaitForAsync(m => m.Subject?.Contains("Reset", StringComparison.Ordinal) == true);

        Assert.False(mail.Headers.Contains("List-Unsubscribe"));
        Assert.Equal("Reset your password for Spring cohort", mail.Subject); // named once, not "[Spring cohort] …"
        var file = Assert.IsAssignableFrom<MimePart>(Assert.Single(mail.Attachments));
        Assert.Equal("session.ics", file.FileName);
        Assert.Equal("text/calendar", file.ContentType.MimeType);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RolledBackChange_WritesAndSendsNothing(string provider)
    {
        var smtp = shared.Smtp;
        var app = shared.Get(provider);
        var user = await app.CreateUserAsync("lin@example.org", "correct horse battery");

        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
            await using var tx = await db.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<Messenger>().NotifyAsync(db, user.Id, Sample());
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        await SendAsync(app);

        Assert.Empty(await RowsToAsync(app, "lin@example.org"));
        Assert.Empty(smtp.To("lin@example.org"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id)));
    }

    [Fact]
    public async Task SavedInsideATransaction_IsSentWhenTheTransactionCommits()
    {
        var smtp = shared.Smtp;
        var app = shared.Get("sqlite");
        var user = await app.CreateUserAsync("tx@example.org", "correct horse battery");

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<Messenger>().NotifyAsync(db, user.Id, Sample());
        await db.SaveChangesAsync();
        await Task.Delay(500);
        Assert.Empty(smtp.To("tx@example.org")); // saved, not yet committed: nothing goes
        await tx.CommitAsync();

        // The clock is fake, so the sender's own polling never fires: only the commit can have woken it.
        await smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == "tx@example.org"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnreachableServer_IsRetriedWithBackOff_ThenDeliveredOnce(string provider)
    {
        var port = TestSmtp.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        };
        await using var app = await StartAsync(provider, null, settings);
        var id = await MailAsync(app, "sam@example.org", Sample(MessageKind.Invitation, "You are invited"));
        await WaitAsync(async () => (await RowAsync(app, id)).Attempts == 1);

        var failed = await RowAsync(app, id);
        Assert.Equal(OutboxState.Pending, failed.State);
        Assert.StartsWith("Could not reach the mail server", failed.LastError);
        Assert.Equal(failed.CreatedUtc + TimeSpan.FromMinutes(1), failed.NextAttemptUtc);

        await using var smtp = new TestSmtp(port);
        await SendAsync(app); // not due yet
        Assert.Equal(1, (await RowAsync(app, id)).Attempts);
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await SendAsync(app);
        await smtp.WaitForAsync(m => m.Subject == "[Spring cohort] You are invited");
        await WaitAsync(async () => (await RowAsync(app, id)).State == OutboxState.Sent);
        await SendAsync(app);

        var sent = await RowAsync(app, id);
        Assert.Equal(OutboxState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
        Assert.Single(smtp.To("sam@example.org"));
    }

    [Fact]
    public async Task RefusedAddress_IsABounce_FailedAtOnce()
    {
        var smtp = shared.Smtp;
        var app = shared.Get("sqlite");

        var id = await MailAsync(app, "bounce-me@example.org", Sample(MessageKind.Invitation, "You are invited"));
        await WaitAsync(async () => (await RowAsync(app, id)).State != OutboxState.Pending);

        var row = await RowAsync(app, id);
        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("Refused by the mail server (550)", row.LastError);
    }

    [Fact]
    public async Task AfterTheLastAttempt_TheMessageIsMarkedFailed()
    {
        var settings = new Dictionary<string, string>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = TestSmtp.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:MaxAttempts"] = "2",
        };
        await using var app = await StartAsync("sqlite", null, settings);
        var id = await MailAsync(app, "kim@example.org", Sample(MessageKind.Invitation));
        await WaitAsync(async () => (await RowAsync(app, id)).Attempts == 1);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await SendAsync(app);
        await WaitAsync(async () => (await RowAsync(app, id)).State != OutboxState.Pending);

        var row = await RowAsync(app, id);
        Assert.Equal(OutboxState.Failed, row.State);
        Assert.Equal(2, row.Attempts);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoSendersAtOnce_SendEachMessageOnce(string provider)
    {
        await using var smtp = new TestSmtp();
        await using var app = await StartAsync(
            provider,
            smtp,
            new Dictionary<string, string> { ["Mail:Enabled"] = "false" }
        );
        for (var i = 0; i < 30; i++)
            await MailAsync(app, $"p{i}@example.org", Sample(MessageKind.Invitation, $"Invitation {i}"));
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>();
        options.Value.Enabled = true;
        var sender = app.Services.GetRequiredService<OutboxSender>();

        await Task.WhenAll(sender.RunOnceAsync(), sender.RunOnceAsync(), sender.RunOnceAsync());
        await smtp.WaitForAsync(_ => smtp.Received.Count >= 30);
        await Task.Delay(300);

        Assert.Equal(30, smtp.Received.Count);
        Assert.Equal(30, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(30, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.State == OutboxState.Sent)));
    }

    [Fact]
    public async Task Turnedoff_MessagesWaitInTheOutbox()
    {
        await using var smtp = new TestSmtp();
        await using var app = await StartAsync(
            "sqlite",
            smtp,
            new Dictionary<string, string> { ["Mail:Enabled"] = "false" }
        );
        var id = await MailAsync(app, "off@example.org", Sample(MessageKind.Invitation));

        Assert.Equal(0, await SendAsync(app));
        await Task.Delay(300);

        Assert.Equal(OutboxState.Pending, (await RowAsync(app, id)).State);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task WithoutSmtp_EachMessageBecomesOneEmlFileInThePickupFolder()
    {
        await using var app = await StartAsync("sqlite", null);
        var id = await MailAsync(app, "eve@example.org", Sample(MessageKind.Invitation, "Pickup test"));
        await WaitAsync(async () => (await RowAsync(app, id)).State == OutboxState.Sent);
        // Sent again (e.g. after a crash before it was marked sent): still one file.
        await app.WithDbAsync(db =>
            db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending))
        );
        await SendAsync(app);

        var file = Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"));
        Assert.EndsWith($"{id:N}.eml", file);
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("[Spring cohort] Pickup test", mail.Subject);
        Assert.Empty(Directory.GetFiles(app.MailFolder, "*.tmp"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Preferences_DecideTheMail_NeverTheInAppNotification(string provider)
    {
        var app = shared.Get(provider);
        var off = await app.CreateUserAsync($"off-{provider}@example.org", "correct horse battery");
        var digest = await app.CreateUserAsync($"digest-{provider}@example.org", "correct horse battery");
        var unconfirmed = await app.CreateUserAsync($"new-{provider}@example.org", "correct horse battery");
        var now = await app.CreateUserAsync($"now-{provider}@example.org", "correct horse battery");
        await app.WithDbAsync(async db =>
        {
            db.NotificationPreferences.Add(
                new()
                {
                    UserId = off.Id,
                    Kind = MessageKind.WorksheetComment,
                    Delivery = EmailDelivery.Off,
                }
            );
            db.NotificationPreferences.Add(
                new()
                {
                    UserId = digest.Id,
                    Kind = MessageKind.WorksheetComment,
                    Delivery = EmailDelivery.DailyDigest,
                }
            );
            // A choice for another kind changes nothing for this one.
            db.NotificationPreferences.Add(
                new()
                {
                    UserId = now.Id,
                    Kind = MessageKind.ReviewReminder,
                    Delivery = EmailDelivery.Off,
                }
            );
            await db
                .Users.Where(u => u.Id == unconfirmed.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false));
            return await db.SaveChangesAsync();
        });

        string[] people = [off.Id, digest.Id, unconfirmed.Id, now.Id];
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KindlingDb>();
            await scope
                .ServiceProvider.GetRequiredService<Messenger>()
                .NotifyAsync(db, [off.Id, digest.Id, unconfirmed.Id, now.Id], Sample());
            await db.SaveChangesAsync();
        }

        var notes = await app.WithDbAsync(db =>
            db.Notifications.AsNoTracking().Where(n => people.Contains(n.UserId)).ToDictionaryAsync(n => n.UserId)
        );
        Assert.Equal(4, notes.Count);
        Assert.True(notes[digest.Id].AwaitingDigest);
        Assert.False(notes[off.Id].AwaitingDigest);
        Assert.False(notes[unconfirmed.Id].AwaitingDigest);
        Assert.Empty(await RowsToAsync(app, $"off-{provider}@example.org"));
        Assert.Empty(await RowsToAsync(app, $"digest-{provider}@example.org"));
        Assert.Empty(await RowsToAsync(app, $"new-{provider}@example.org"));
        Assert.Single(await RowsToAsync(app, $"now-{provider}@example.org"));
    }

    /// <summary>One app per provider sending to one SMTP server, for the tests that need no settings of their
    /// own; each test uses addresses of its own.</summary>
    public sealed class SmtpApps : IAsyncDisposable
    {
        private readonly Dictionary<string, KindlingApp> _apps = [];
        public TestSmtp Smtp { get; } = new();

        public KindlingApp Get(string provider)
        {
            lock (_apps)
            {
                if (!_apps.TryGetValue(provider, out var app))
                {
                    app = new KindlingApp(provider, Smtp.Settings);
                    _ = app.Server;
                    _apps[provider] = app;
                }
                return app;
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var app in _apps.Values)
                await app.DisposeAsync();
            await Smtp.DisposeAsync();
        }
    }

    internal static async Task WaitAsync(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The outbox did not reach the expected state within 20 s.");
            await Task.Delay(50);
        }
    }
}
