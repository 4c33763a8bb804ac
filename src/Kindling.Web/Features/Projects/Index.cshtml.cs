using Kindling.Data;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Projects;

/// <summary>The projects I manage in this cohort, and the worksheets others have shared with the cohort.</summary>
public class IndexModel(KindlingDb db, ReadCache reads) : CohortPageModel
{
    public sealed record ProjectRow(Guid Id, string Name, int Worksheets, DateTime ReviewDueUtc);

    public sealed record SharedRow(Guid Id, string Title, string ProjectName, DateTime SharedUtc);

    public List<ProjectRow> Mine { get; private set; } = [];
    public List<SharedRow> Shared { get; private set; } = [];

    public async Task OnGetAsync() =>
        // Kept until a table it read is written (ReadCache).
        (Mine, Shared) = await reads.GetAsync("projects", Access.Member.UserId, CohortId, LoadAsync);

    private async Task<(List<ProjectRow>, List<SharedRow>)> LoadAsync()
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
        var shared = await db
            .Worksheets.Where(w => w.CohortId == CohortId && w.SharedUtc != null)
            .Join(
                db.Projects,
                w => w.ProjectId,
                p => p.Id,
                (w, p) => new SharedRow(w.Id, w.Title, p.Name, w.SharedUtc!.Value)
            )
            .ToListAsync();
        return (
            mine.Select(p => new ProjectRow(p.Id, p.Name, counts.GetValueOrDefault(p.Id), p.ReviewDueUtc)).ToList(),
            shared.OrderByDescending(s => s.SharedUtc).ToList()
        );
    }
}
