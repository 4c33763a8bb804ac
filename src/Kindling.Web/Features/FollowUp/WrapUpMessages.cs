using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Kindling.Web.Features.FollowUp;

/// <summary>What a facilitator changes on the wrap-up page: the message and the two links.</summary>
public sealed record WrapUpEdit(string Subject, string Markdown, string? RecordingUrl, string? SlidesUrl);

/// <summary>
/// Sends the one "after the session" message to every member of the cohort, present or absent, and later the one
/// recording notice to those who were absent. Each goes once: a conditional update on the wrap-up row
/// (<see cref="SessionWrapUp.MessageSentUtc"/>, <see cref="SessionWrapUp.RecordingNoticeSentUtc"/>) in the
/// transaction that writes the messages, so with two instances (or two clicks) only the winner writes them.
/// </summary>
public sealed class WrapUpMessages(
    KindlingDb db,
    Messenger messenger,
    WrapUpDrafts drafts,
    ICohortEvents events,
    TimeProvider clock
)
{
    private sealed record About(Guid CohortId, string CohortName, string LessonTitle, DateTime StartsUtc);

    /// <summary>Sends the message (with <paramref name="edit"/> when given, else the stored draft); false when it had
    /// already gone or the session has not ended.</summary>
    public async Task<bool> SendAsync(
        Guid sessionId,
        string? byUserId,
        WrapUpEdit? edit,
        CancellationToken ct = default
    )
    {
        db.ChangeTracker.Clear();
        var stored = await db.SessionWrapUps.AsNoTracking().FirstOrDefaultAsync(w => w.SessionId == sessionId, ct);
        if (stored is null || stored.MessageSentUtc is not null)
            return false;
        var edited =
            edit is not null && (edit.Subject != stored.MessageSubject || edit.Markdown != stored.MessageMarkdown);
        var about = await AboutAsync(sessionId, ct);
        var calendar = await drafts.NextCalendarAsync(sessionId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db
            .SessionWrapUps.Where(w => w.SessionId == sessionId && w.MessageSentUtc == null)
            .ExecuteUpdateAsync(
                x =>
                {
                    x.SetProperty(w => w.MessageSentUtc, now).SetProperty(w => w.MessageSentById, byUserId);
                    if (edit is not null)
                        Apply(x, edit);
                    if (edited)
                        x.SetProperty(w => w.MessageEditedUtc, now).SetProperty(w => w.MessageEditedById, byUserId);
                },
                ct
            );
        if (claimed == 0)
            return false;
        var w = await db.SessionWrapUps.AsNoTracking().SingleAsync(x => x.SessionId == sessionId, ct);
        var (present, absent) = await RecipientsAsync(sessionId, about.CohortId, ct);
        await messenger.NotifyAsync(db, present, AfterSession(w, about, absent: false, calendar), ct);
        await messenger.NotifyAsync(db, absent, AfterSession(w, about, absent: true, calendar), ct);
        await events.AddAsync(db, about.CohortId, CohortEventNames.NotesPublished, NotesEvent(w, about), ct);
        if (w.RecordingUrl is not null) // the message pointed the absent to it: no separate notice later
            await db
                .SessionWrapUps.Where(x => x.SessionId == sessionId)
                .ExecuteUpdateAsync(x => x.SetProperty(v => v.RecordingNoticeSentUtc, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Stores an edited draft that has not gone yet; false when it has.</summary>
    public async Task<bool> SaveDraftAsync(Guid sessionId, string byUserId, WrapUpEdit edit)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db
                .SessionWrapUps.Where(w => w.SessionId == sessionId && w.MessageSentUtc == null)
                .ExecuteUpdateAsync(x =>
                {
                    Apply(x, edit);
                    x.SetProperty(w => w.MessageEditedUtc, now).SetProperty(w => w.MessageEditedById, byUserId);
                }) == 1;
    }

    /// <summary>
    /// Changes the recording and slides links of an ended session. A recording first added after the message went
    /// is pointed out to the members who were absent, once; returns how many were told.
    /// </summary>
    public async Task<int> SetLinksAsync(Guid sessionId, string? recordingUrl, string? slidesUrl)
    {
        db.ChangeTracker.Clear();
        var about = await AboutAsync(sessionId, CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync();
        var row = db.SessionWrapUps.Where(w => w.SessionId == sessionId);
        await row.ExecuteUpdateAsync(x =>
            x.SetProperty(w => w.RecordingUrl, recordingUrl).SetProperty(w => w.SlidesUrl, slidesUrl)
        );
        var claimed = await row.Where(w =>
                w.RecordingUrl != null && w.MessageSentUtc != null && w.RecordingNoticeSentUtc == null
            )
            .ExecuteUpdateAsync(x => x.SetProperty(w => w.RecordingNoticeSentUtc, now));
        var told = 0;
        if (claimed == 1)
        {
            var (_, absent) = await RecipientsAsync(sessionId, about.CohortId, CancellationToken.None);
            await messenger.NotifyAsync(db, absent, RecordingNotice(sessionId, recordingUrl!, about));
            told = absent.Count;
        }
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return told;
    }

    /// <summary>Every member of the cohort, split by the session's attendance (<see cref="Attendance.Present"/>):
    /// without a present record, a member counts as absent.</summary>
    public async Task<(List<string> Present, List<string> Absent)> RecipientsAsync(
        Guid sessionId,
        Guid cohortId,
        CancellationToken ct = default
    )
    {
        var members = await db
            .CohortMembers.Where(m => m.CohortId == cohortId)
            .OrderBy(m => m.UserId)
            .Select(m => m.UserId)
            .ToListAsync(ct);
        var present = (await db.Attendance.AsNoTracking().Where(a => a.SessionId == sessionId).ToListAsync(ct))
            .Where(a => a.Present)
            .Select(a => a.UserId)
            .ToHashSet(StringComparer.Ordinal);
        return (members.Where(present.Contains).ToList(), members.Where(m => !present.Contains(m)).ToList());
    }

    private static void Apply(UpdateSettersBuilder<SessionWrapUp> x, WrapUpEdit edit) =>
        x.SetProperty(w => w.MessageSubject, edit.Subject)
            .SetProperty(w => w.MessageMarkdown, edit.Markdown)
            .SetProperty(w => w.RecordingUrl, edit.RecordingUrl)
            .SetProperty(w => w.SlidesUrl, edit.SlidesUrl);

    private static Message AfterSession(SessionWrapUp w, About about, bool absent, MailAttachment? calendar)
    {
        var markdown = WrapUpDraft.Compose(w.MessageMarkdown, w.RecordingUrl, w.SlidesUrl, absent);
        return new Message(
            MessageKind.AfterSession,
            w.MessageSubject,
            FollowUpPaths.Notes(about.CohortId, w.SessionId),
            "Read the session notes"
        )
        {
            Summary = $"The notes, your assignment and what comes next after “{about.LessonTitle}”.",
            Paragraphs = MailText.Paragraphs(markdown),
            CohortId = about.CohortId,
            CohortName = about.CohortName,
            Attachments = calendar is null ? [] : [calendar],
        };
    }

    /// <summary>What every member was sent: where the notes are, and the recording and slides links.</summary>
    private object NotesEvent(SessionWrapUp w, About about) =>
        new
        {
            session = EventSession.Of(events, about.CohortId, w.SessionId, about.LessonTitle, about.StartsUtc),
            notesUrl = events.Link(FollowUpPaths.Notes(about.CohortId, w.SessionId)),
            recordingUrl = w.RecordingUrl,
            slidesUrl = w.SlidesUrl,
            sentUtc = w.MessageSentUtc,
        };

    private static Message RecordingNotice(Guid sessionId, string recordingUrl, About about) =>
        new(
            MessageKind.AfterSession,
            $"Recording: {about.LessonTitle}",
            FollowUpPaths.Session(about.CohortId, sessionId),
            "Open the session page"
        )
        {
            Summary = $"You missed “{about.LessonTitle}”: the recording of its presentation is available.",
            Paragraphs =
            [
                $"You missed “{about.LessonTitle}”. The recording of its presentation is now available: {recordingUrl}",
                "Only the presentation was recorded; the discussion never is. The session page has the notes too.",
            ],
            CohortId = about.CohortId,
            CohortName = about.CohortName,
        };

    private Task<About> AboutAsync(Guid sessionId, CancellationToken ct) =>
        db
            .Sessions.Where(s => s.Id == sessionId)
            .Select(s => new About(s.CohortId, s.Cohort!.Name, s.Lesson!.Title, s.StartsUtc))
            .SingleAsync(ct);
}
