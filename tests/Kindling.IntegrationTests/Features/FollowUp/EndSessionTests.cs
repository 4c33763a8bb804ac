using System.Net;
using Kindling.Domain;
using Kindling.IntegrationTests.Infrastructure;
using Kindling.Web.Features.FollowUp;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Kindling.IntegrationTests.Features.FollowUp.WrapUpArrange;
using static Kindling.IntegrationTests.Features.Messages.Mailbox;

namespace Kindling.IntegrationTests.Features.FollowUp;

/// <summary>A facilitator ends a session from its wrap-up page: the document locks, the notes are published and every
/// member gets the one message, as the facilitator edited it.</summary>
[Collection(AppCollection.Name)]
public class EndSessionTests(Apps apps)
{
    private static readonly string[] Members = ["facilitator", "participant", "observer"];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EndingFromTheWrapUpPage_SendsTheEditedMessageOncePerMember_AndPublishesTheNotes(string provider)
    {
        var s = await HeldAsync(await apps.GetAsync(provider));
        await ContentAsync(s);
        var (wrapUp, notes) = (Url(s, "wrap-up"), Url(s, "notes"));
        var asker = s.Users["participant"].DisplayName; // asked anonymously, wrote anonymously

        // Participants can neither open the page nor end the session; the notes are not published yet.
        using var participant = await s.ClientAsAsync("participant");
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync(wrapUp)).Status);
        var refused = await participant.PostFormAsync("/account/profile", Form(), wrapUp + "?handler=End");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var early = await participant.GetAsync(notes);
        Assert.Contains("not published yet", early.Text);
        Assert.DoesNotContain(Named, early.Text);

        // The draft: assignment, questions (no name on the anonymous one), feedback, next session.
        using var fac = await s.ClientAsAsync("facilitator");
        var page = await fac.GetAsync(wrapUp);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var draft = page.Document.QuerySelector("textarea[name='Form.Body']")!.TextContent;
        Assert.Contains("Make a copy of the worksheet", draft);
        Assert.Contains($"/cohorts/{s.CohortId}/projects", draft);
        Assert.Contains(AnsweredQuestion, draft);
        Assert.Contains(OpenQuestion, draft);
        Assert.DoesNotContain(DeletedQuestion, draft);
        Assert.DoesNotContain(asker, page.Text);
        Assert.Contains("End session and send", page.Text);

        // Previewing and a bad recording link change nothing.
        var edited = draft + "\n\nEdited: bring a friend next time.";
        var preview = await fac.PostFormAsync(wrapUp, Form(edited), wrapUp + "?handler=Preview");
        Assert.Contains("Edited: bring a friend next time.", preview.Document.QuerySelector(".preview")!.TextContent);
        var bad = await fac.PostFormAsync(
            wrapUp,
            Form(edited, recording: "video.example.org/r"),
            wrapUp + "?handler=End"
        );
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Contains("The recording link must be a full web address", bad.Text);
        Assert.Null(await WrapUpAsync(s));
        Assert.Null(await LockedAsync(s));
        Assert.Empty(await MailsAsync(s.App, s.Users["observer"].Id, MessageKind.AfterSession));

        var ended = await fac.PostFormAsync(wrapUp, Form(edited, RecordingUrl), wrapUp + "?handler=End");
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        var again = await fac.PostFormAsync(wrapUp, Form(edited), wrapUp + "?handler=End"); // harmless
        Assert.Equal(HttpStatusCode.Redirect, again.Status);

        var row = (await WrapUpAsync(s))!;
        var nextId = await NextSessionAsync(s);
        Assert.Equal(s.Users["facilitator"].Id, row.EndedById);
        Assert.NotNull(row.NotesPublishedUtc);
        Assert.Equal((Subject, s.Users["facilitator"].Id), (row.MessageSubject, row.MessageSentById));
        Assert.NotNull(row.RecordingNoticeSentUtc); // the message itself pointed the absent to the recording
        Assert.NotNull(await LockedAsync(s));
        Assert.Equal(1, await LockEventsAsync(s));
        foreach (var role in Members)
        {
            var mail = Assert.Single(await MailsAsync(s.App, s.Users[role].Id, MessageKind.AfterSession));
            var text = mail.TextBody!.Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Contains(Subject, mail.Subject);
            Assert.Contains("Edited: bring a friend next time.", text);
            Assert.Contains($"Make a copy of the worksheet (http", text);
            Assert.Contains($"/cohorts/{s.CohortId}/projects)", text);
            Assert.Contains($"{OpenQuestion} (asked by {s.Users["facilitator"].DisplayName})", text);
            Assert.Contains($"{AnsweredQuestion}\n  - Answer: {Answer}", text);
            Assert.Contains($"/cohorts/{s.CohortId}/sessions/{s.SessionId}/feedback", text);
            Assert.Contains(RecordingUrl, text);
            Assert.Contains(notes, text);
            Assert.DoesNotContain(asker, text);
            Assert.Equal(role == "observer", text.Contains(WrapUpDraft.AbsentLine, StringComparison.Ordinal));
            var ics = Assert.Single(mail.Attachments.OfType<MimePart>());
            using var content = new MemoryStream();
            await ics.Content!.DecodeToAsync(content);
            var next = Assert.Single(
                Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events
            );
            Assert.Equal($"session-{nextId}@kindling", next.Uid);
            Assert.EndsWith(": Community of Practice Basics", next.Summary, StringComparison.Ordinal);
        }
        Assert.Empty(await MailsAsync(s.App, s.Users["outsider"].Id, MessageKind.AfterSession));

        // The published notes follow the export's rules; the session and cohort pages point to them.
        using var observer = await s.ClientAsAsync("observer");
        var published = await observer.GetAsync(notes);
        Assert.Equal(HttpStatusCode.OK, published.Status);
        Assert.Contains(Named, published.Text);
        Assert.Contains(Anonymous, published.Text);
        Assert.Contains(Answer, published.Text);
        Assert.DoesNotContain(Hidden, published.Text);
        Assert.DoesNotContain(Silent, published.Text);
        Assert.DoesNotContain(DeletedQuestion, published.Text);
        Assert.DoesNotContain(asker, published.Text);
        Assert.NotNull(published.Document.QuerySelector($"a[href='{RecordingUrl}']"));
        var details = await observer.GetAsync($"/cohorts/{s.CohortId}/sessions/{s.SessionId}");
        Assert.NotNull(details.Document.QuerySelector($"#session-ended a[href='{notes}']"));
        Assert.NotNull(details.Document.QuerySelector($"#session-ended a[href='{RecordingUrl}']"));
        var cohort = await observer.GetAsync($"/cohorts/{s.CohortId}");
        Assert.NotNull(cohort.Document.QuerySelector($".sessions a[href='{notes}']"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThreeEndsAtOnce_LockTheRoomForThoseInIt_AndSendOnce(string provider)
    {
        var s = await HeldAsync(await apps.GetAsync(provider));
        await using var live = await LiveClients.JoinAsync(s, "participant");
        var fac = s.Users["facilitator"].Id;

        await Task.WhenAll(EndAndSendAsync(s, fac), EndAndSendAsync(s, fac), EndAndSendAsync(s, null));

        await live.WaitForAsync(events => events.Any(e => e.Type == Kindling.LiveClient.EventTypes.Locked));
        Assert.Equal(1, await LockEventsAsync(s));
        Assert.NotNull((await WrapUpAsync(s))!.MessageSentUtc);
        foreach (var role in Members)
            Assert.Single(await NotificationsAsync(s.App, s.Users[role].Id, MessageKind.AfterSession));
    }

    private const string Subject = "Thanks, and see you next week";
    private const string RecordingUrl = "https://video.example.org/rec-1";

    private static Dictionary<string, string> Form(string body = "Body", string? recording = null) =>
        new()
        {
            ["Form.Subject"] = Subject,
            ["Form.Body"] = body,
            ["Form.RecordingUrl"] = recording ?? "",
            ["Form.SlidesUrl"] = "https://slides.example.org/deck",
        };
}
