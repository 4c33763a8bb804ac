using Kindling.Data;
using Kindling.Web.Features.LiveSession;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.FollowUp;

/// <summary>
/// A session's published notes: its document, read-only for the cohort's members once the session has ended, shown
/// by the rules of the document export (<see cref="ExportDocument"/>): no hidden or deleted response, no silent round
/// that was never revealed, no name on anything anonymous.
/// </summary>
public class NotesModel(KindlingDb db, Kindling.Web.Features.Curricula.LessonCache lessons) : CohortPageModel
{
    [FromRoute]
    public Guid SessionId { get; set; }
    public string LessonTitle { get; private set; } = "";
    public DateTime? PublishedUtc { get; private set; }
    public string? RecordingUrl { get; private set; }
    public string? SlidesUrl { get; private set; }
    public ExportDocument? Document { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var title = await db
            .Sessions.Where(s => s.Id == SessionId && s.CohortId == CohortId)
            .Select(s => s.Lesson!.Title)
            .FirstOrDefaultAsync();
        if (title is null)
            return NotFound();
        LessonTitle = title;
        var wrapUp = await db.SessionWrapUps.AsNoTracking().FirstOrDefaultAsync(w => w.SessionId == SessionId);
        (PublishedUtc, RecordingUrl, SlidesUrl) = (wrapUp?.NotesPublishedUtc, wrapUp?.RecordingUrl, wrapUp?.SlidesUrl);
        if (PublishedUtc is not null)
            Document = await ExportDocument.LoadAsync(db, lessons, CohortId, SessionId, ViewerZone);
        return Page();
    }
}
