using System.Globalization;
using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.Schedule.Reminders;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.Schedule;

/// <summary>Every member is reminded a day and an hour before a session, once each, in their own time zone.</summary>
[Collection(SecondAppCollection.Name)]
public class SessionReminderTests(Apps apps)
{
    private static Task<int> RunAsync(KindlingApp app) =>
        InScopeAsync(app, sp => sp.GetRequiredService<SessionReminders>().SendDueAsync());

    private static async Task<DateTime> StartInAsync(CohortScenario s, TimeSpan from)
    {
        // Whole minutes, as the schedule's form enters them.
        var exact = s.App.Clock.GetUtcNow().UtcDateTime + from;
        var starts = new DateTime(exact.Ticks - exact.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).ExecuteUpdateAsync(x => x.SetProperty(v => v.StartsUtc, starts))
        );
        return starts;
    }

    private static Task<(DateTime? Day, DateTime? Hour)> MarksAsync(CohortScenario s) =>
        s.App.WithDbAsync(async db =>
        {
            var marks = await db
                .Sessions.Where(x => x.Id == s.SessionId)
                .Select(x => new { x.DayReminderUtc, x.HourReminderUtc })
                .SingleAsync();
            return (marks.DayReminderUtc, marks.HourReminderUtc);
        });

    private static readonly string[] Members = ["facilitator", "participant", "observer"];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DayAndHourReminders_GoOnceEach_InEachMembersZone_WithLinksAndCalendar(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider), "Europe/London");
        var starts = await StartInAsync(s, TimeSpan.FromHours(25));
        await RunAsync(s.App);
        Assert.Equal(((DateTime?)null, (DateTime?)null), await MarksAsync(s));
        Assert.Empty(await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.SessionReminder));

        s.App.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1)); // 23:59 before
        await RunAsync(s.App);
        await RunAsync(s.App);
        Assert.NotNull((await MarksAsync(s)).Day);
        var link = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}";
        foreach (var role in Members)
        {
            var user = s.Users[role];
            var n = Assert.Single(await NotificationsAsync(s.App, user.Id, MessageKind.SessionReminder));
            Assert.Equal(link, n.Link);
            var mail = Assert.Single(await MailsAsync(s.App, user.Id, MessageKind.SessionReminder));
            var when = TimeZones.Format(starts, user.TimeZoneId);
            Assert.Contains(when, mail.TextBody);
            Assert.Contains(when, n.Body);
            Assert.Contains("Join the call: https://meet.example.org/spring", mail.TextBody);
            Assert.Contains($"{link}/live", mail.TextBody);
            Assert.StartsWith("[Spring cohort", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Coming up:", mail.Subject);
            var ics = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
            Assert.Equal("text/calendar", ics.ContentType.MimeType);
            using var content = new MemoryStream();
            await ics.Content!.DecodeToAsync(content);
            var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
            var e = Assert.Single(calendar.Events);
            Assert.Equal($"session-{s.SessionId}@kindling", e.Uid);
            Assert.Equal(starts, e.Start!.AsUtc);
        }
        // Tokyo and New York see different clocks for the same start.
        Assert.NotEqual(
            TimeZones.Format(starts, s.Users["participant"].TimeZoneId),
            TimeZones.Format(starts, s.Users["observer"].TimeZoneId)
        );
        Assert.Empty(await NotificationsAsync(s.App, s.Users["outsider"].Id, MessageKind.SessionReminder));

        s.App.Clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(58)); // 1:01 before: not yet
        await RunAsync(s.App);
        Assert.Null((await MarksAsync(s)).Hour);
        s.App.Clock.Advance(TimeSpan.FromMinutes(2)); // 0:59 before
        await RunAsync(s.App);
        await RunAsync(s.App);
        Assert.NotNull((await MarksAsync(s)).Hour);
        foreach (var role in Members)
        {
            var mails = await MailsAsync(s.App, s.Users[role].Id, MessageKind.SessionReminder);
            Assert.Equal(2, mails.Count);
            Assert.Contains("Starting soon:", mails[1].Subject);
            Assert.Contains(
                TimeZones.ToLocal(starts, s.Users[role].TimeZoneId).ToString("HH:mm", CultureInfo.InvariantCulture),
                mails[1].Subject
            );
            Assert.Single(mails[1].Attachments);
        }
        s.App.Clock.Advance(TimeSpan.FromHours(2)); // started: nothing more
        await RunAsync(s.App);
        Assert.Equal(
            2,
            (await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.SessionReminder)).Count
        );
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ShortNotice_SkipsTheDayReminder_HourReminderStillGoes(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider));
        await StartInAsync(s, TimeSpan.FromMinutes(100));
        await RunAsync(s.App);
        Assert.NotNull((await MarksAsync(s)).Day);
        Assert.Empty(await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.SessionReminder));
        s.App.Clock.Advance(TimeSpan.FromMinutes(41));
        await RunAsync(s.App);
        var n = Assert.Single(await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.SessionReminder));
        Assert.Contains("Starting soon:", n.Title);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MovingTheSession_ClearsTheMarks_SoTheNewTimeIsRemindedOf(string provider)
    {
        var s = await CohortScenario.CreateAsync(await apps.GetAsync(provider), "UTC");
        var starts = await StartInAsync(s, TimeSpan.FromHours(20));
        await RunAsync(s.App);
        Assert.NotNull((await MarksAsync(s)).Day);

        using var fac = await s.ClientAsAsync("facilitator");
        var edit = $"/cohorts/{s.CohortId}/sessions/{s.SessionId}/edit";
        var lessonId = await s.App.WithDbAsync(db =>
            db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.LessonId).SingleAsync()
        );
        Dictionary<string, string> Form(DateTime startsUtc) =>
            new()
            {
                ["Input.LessonId"] = lessonId.ToString(),
                ["Input.Date"] = startsUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Input.Time"] = startsUtc.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["Input.PresentationMinutes"] = "60",
                ["Input.DiscussionMinutes"] = "45",
                ["Input.JoinUrl"] = "https://meet.example.org/other",
                ["Input.Recording"] = "NoRecording",
            };
        // Same time, other details: the marks stay.
        Assert.Equal(HttpStatusCode.Redirect, (await fac.PostFormAsync(edit, Form(starts))).Status);
        Assert.NotNull((await MarksAsync(s)).Day);

        Assert.Equal(HttpStatusCode.Redirect, (await fac.PostFormAsync(edit, Form(starts.AddDays(2)))).Status);
        Assert.Equal(((DateTime?)null, (DateTime?)null), await MarksAsync(s));
        s.App.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        await RunAsync(s.App);
        Assert.Equal(
            2,
            (await NotificationsAsync(s.App, s.Users["participant"].Id, MessageKind.SessionReminder)).Count
        );
    }
}
