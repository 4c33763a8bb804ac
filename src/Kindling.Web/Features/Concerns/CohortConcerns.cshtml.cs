using Kindling.Data;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Concerns;

/// <summary>The cohort's reports for its facilitators: only those each of them may read. Others get 404.</summary>
public class CohortConcernsModel(KindlingDb db, ConcernReaders readers) : CohortPageModel
{
    public ReportListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Access.IsFacilitator)
            return NotFound();
        var readable = await readers.ReadableAsync(Access.Member.UserId);
        List = new(await ConcernList.LoadAsync(db, readable.Where(r => r.CohortId == CohortId)), ViewerZone, false);
        return Page();
    }
}
