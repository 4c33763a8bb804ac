using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Projects;

/// <summary>The projects I manage in this cohort, and the worksheets others have shared with the cohort.</summary>
public class IndexModel(KindlingDb db) : CohortPageModel
{
    public sealed record ProjectRow(Guid Id, string Name, int Worksheets, DateTime ReviewDueUtc);

    public sealed record SharedRow(Guid Id, string Title, string ProjectName, DateTime SharedUtc);

    public List<ProjectRow> Mine { get; private set; } = [];
    public List<SharedRow> Shared { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = Access.Member.UserId;
        var mine = await db
            .Projects.Where(p => p.CohortId == CohortId && p.Members.Any(m => m.UserId == me))
            .OrderBy(p => p.Name)
            .ToListAsync();
        var ids = mine.Select(p => p.Id).ToList();
        var counts = await db
            .Worksheets.Where(w => ids.Contains(w.ProjectId))
            .GroupBy(w => w.ProjectId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        Mine = mine.Select(p => new ProjectRow(p.Id, p.Name, counts.GetValueOrDefault(p.Id), p.ReviewDueUtc)).ToList();
        Shared = (
            await db
                .Worksheets.Where(w => w.CohortId == CohortId && w.SharedUtc != null)
                .Join(
                    db.Projects,
                    w => w.ProjectId,
                    p => p.Id,
                    (w, p) => new SharedRow(w.Id, w.Title, p.Name, w.SharedUtc!.Value)
                )
                .ToListAsync()
        )
            .OrderByDescending(s => s.SharedUtc)
            .ToList();
    }
}
