using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.LiveSession;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Attendance;

/// <summary>A session's attendance for facilitators: what the live room recorded, and a correction per person (e.g.
/// "joined by phone"). Plain form posts, so it works without JavaScript.</summary>
public class SessionAttendanceModel(KindlingDb db, TimeProvider clock) : CohortPageModel
{
    public const int MaxNote = 200;

    protected override bool FacilitatorsOnly => true;

    [FromRoute]
    public Guid SessionId { get; set; }
    public AttendanceSheet.SessionInfo Session { get; private set; } = null!;
    public List<AttendanceSheet.Row> Rows { get; private set; } = [];
    public Dictionary<string, string> Correctors { get; private set; } = [];
    public bool Started { get; private set; }

    /// <summary>The person whose correction was refused, to show the error beside their form.</summary>
    public string? FailedUserId { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostCorrectAsync(string? userId, string? mark, string? note)
    {
        if (!await LoadAsync())
            return NotFound();
        var row = Rows.FirstOrDefault(r => r.Person.UserId == userId);
        if (row is null)
            return NotFound();
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        AttendanceMark? chosen = mark switch
        {
            "recorded" => AttendanceMark.None,
            "present" => AttendanceMark.Present,
            "absent" => AttendanceMark.Absent,
            _ => null,
        };
        if (chosen is null)
            ModelState.AddModelError("mark", $"Choose present, absent or “as recorded” for {row.Person.Name}.");
        if (text is { Length: > MaxNote })
            ModelState.AddModelError(
                "note",
                $"Keep the note for {row.Person.Name} to {MaxNote} characters (it has {text.Length})."
            );
        if (!ModelState.IsValid)
        {
            FailedUserId = row.Person.UserId;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var by = Access.Member.UserId;
        await AttendanceRecorder.EnsureAsync(db, SessionId, [row.Person.UserId]);
        await db
            .Attendance.Where(a => a.SessionId == SessionId && a.UserId == row.Person.UserId)
            .ExecuteUpdateAsync(x =>
                x.SetProperty(a => a.Mark, chosen!.Value)
                    .SetProperty(a => a.Note, text)
                    .SetProperty(a => a.CorrectedById, by)
                    .SetProperty(a => a.CorrectedUtc, now)
            );
        TempData["Flash"] = chosen switch
        {
            AttendanceMark.Present => $"{row.Person.Name} is marked present.",
            AttendanceMark.Absent => $"{row.Person.Name} is marked absent.",
            _ => $"{row.Person.Name}'s attendance is as the live room recorded it.",
        };
        return Redirect($"/cohorts/{CohortId}/sessions/{SessionId}/attendance#p-{row.Person.UserId}");
    }

    public static string MarkValue(AttendanceMark mark) =>
        mark switch
        {
            AttendanceMark.Present => "present",
            AttendanceMark.Absent => "absent",
            _ => "recorded",
        };

    private async Task<bool> LoadAsync()
    {
        if (await AttendanceSheet.SessionAsync(db, CohortId, SessionId) is not { } session)
            return false;
        Session = session;
        Started = Domain.Session.Held(
            session.StartsUtc,
            await db.LiveDocuments.AnyAsync(d => d.SessionId == SessionId),
            clock.GetUtcNow().UtcDateTime
        );
        Rows = await AttendanceSheet.ForSessionAsync(db, CohortId, SessionId);
        var ids = Rows.Select(r => r.Record?.CorrectedById).OfType<string>().Distinct().ToList();
        Correctors = await db
            .Users.Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, StringComparer.Ordinal);
        return true;
    }
}
