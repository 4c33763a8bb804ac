using Kindling.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>The session document as a printable page, readable without JavaScript; same content as the Markdown
/// export.</summary>
public class DocumentExportModel(KindlingDb db, Kindling.Web.Features.Curricula.LessonCache lessons) : CohortPageModel
{
    [FromRoute]
    public Guid SessionId { get; set; }
    public ExportDocument? Document { get; private set; }
    public string LessonTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var title = await db
            .Sessions.Where(s => s.Id == SessionId && s.CohortId == CohortId)
            .Select(s => s.Lesson!.Title)
            .FirstOrDefaultAsync();
        if (title is null)
            return NotFound();
        LessonTitle = title;
        Document = await ExportDocument.LoadAsync(db, lessons, CohortId, SessionId, ViewerZone);
        return Page();
    }
}
