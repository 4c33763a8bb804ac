using Kindling.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets.Versions;

public class DiffModel(KindlingDb db, WorksheetAccess access) : VersionsPageBase(access)
{
    public int From { get; private set; }
    public int To { get; private set; }
    public IReadOnlyList<FieldDiff> Fields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int from, int to)
    {
        if (!await LoadAsync())
            return NotFound();
        var versions = await db
            .WorksheetVersions.AsNoTracking()
            .Where(v => v.WorksheetId == WorksheetId && (v.Number == from || v.Number == to))
            .Select(v => new { v.Number, v.DataJson })
            .ToListAsync();
        var a = versions.FirstOrDefault(v => v.Number == from);
        var b = versions.FirstOrDefault(v => v.Number == to);
        if (a is null || b is null)
            return NotFound();
        (From, To) = (from, to);
        Fields = VersionDiff.Compare(Template, WorksheetData.Parse(a.DataJson), WorksheetData.Parse(b.DataJson));
        return Page();
    }
}
