using Kindling.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>Every report the person may read, across cohorts: for facilitators and safety contacts; 404 for
/// others.</summary>
public class InboxModel(KindlingDb db, ConcernReaders readers) : PageModel
{
    public ReportListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var me = CohortAccess.UserId(User)!;
        if (!await readers.IsAnyReaderAsync(me))
            return NotFound();
        var zone = await db.Users.Where(u => u.Id == me).Select(u => u.TimeZoneId).FirstAsync();
        List = new(await ConcernList.LoadAsync(db, await readers.ReadableAsync(me)), zone, true);
        return Page();
    }
}
