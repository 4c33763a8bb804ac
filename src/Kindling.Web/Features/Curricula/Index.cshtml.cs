using Kindling.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Curricula;

public class IndexModel(KindlingDb db) : PageModel
{
    public sealed record Row(
        string Slug,
        string Title,
        int Version,
        bool IsBuiltIn,
        int Lessons,
        int Planned,
        DateTime ImportedUtc
    );

    public List<Row> Curricula { get; private set; } = [];

    public async Task OnGetAsync() =>
        Curricula = await db
            .Curricula.OrderBy(c => c.Title)
            .Select(c => new Row(
                c.Slug,
                c.Title,
                c.Version,
                c.IsBuiltIn,
                c.Lessons.Count,
                c.Lessons.Count(l => l.Status == "planned"),
                c.ImportedUtc
            ))
            .ToListAsync();
}
