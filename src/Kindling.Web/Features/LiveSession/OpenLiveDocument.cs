using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Creates a session's live document from its lesson: one prompt section per activity prompt, in agenda order.</summary>
public sealed class OpenLiveDocument(KindlingDb db, LessonCache lessons, TimeProvider clock)
{
    /// <summary>How long before its start a session's document opens by itself when a member arrives.</summary>
    public static readonly TimeSpan OpensBeforeStart = TimeSpan.FromMinutes(15);

    public async Task<bool> OpenAsync(Guid sessionId)
    {
        if (await db.LiveDocuments.AnyAsync(d => d.SessionId == sessionId)) return false;
        var session = await db.Sessions.Include(s => s.Lesson).SingleAsync(s => s.Id == sessionId);
        var lesson = lessons.Get(session.Lesson!);
        var position = 0;
        for (var i = 0; i < lesson.Activities.Count; i++)
        {
            var a = lesson.Activities[i];
            var prompts = a.Prompts.Count > 0 ? a.Prompts : [a.Title];
            foreach (var p in prompts)
                db.LiveSections.Add(new LiveSection
                {
                    SessionId = sessionId, Position = position++, ActivityIndex = i, Kind = a.Kind, Title = a.Title,
                    Prompt = p, Minutes = a.Minutes, Recordable = a.Recordable, Silent = a.Kind == "silent-notes",
                });
        }
        db.LiveDocuments.Add(new LiveDocument
        {
            SessionId = sessionId, OpenedUtc = clock.GetUtcNow().UtcDateTime,
            TimerDurationMs = (lesson.Activities.FirstOrDefault()?.Minutes ?? 5) * 60_000L,
        });
        try { await db.SaveChangesAsync(); }
        catch (DbUpdateException) { return false; } // opened concurrently by another facilitator
        return true;
    }
}
