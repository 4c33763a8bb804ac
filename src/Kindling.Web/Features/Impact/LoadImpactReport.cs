using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Impact;

/// <summary>
/// A project's impact report for one reader, on the project page's rule: its managers read it built from all its
/// worksheets; a cohort member who may read some of its worksheets (<see cref="WorksheetAccess.VisibleTo"/>) reads it
/// built from those; everyone else gets null (404).
/// </summary>
public sealed class LoadImpactReport(KindlingDb db, WorksheetAccess access, TimeProvider clock)
{
    /// <param name="Manages">The reader manages the project (they can make a copy of the impact assignment).</param>
    public sealed record Result(Project Project, bool Manages, ImpactReport Report);

    public async Task<Result?> RunAsync(Membership member, Guid projectId, CancellationToken ct = default)
    {
        var project = await access.ManagedProjectAsync(member, projectId);
        var manages = project is not null;
        var visible = access.VisibleTo(member).Where(w => w.ProjectId == projectId);
        if (project is null)
        {
            if (!await visible.AnyAsync(ct))
                return null;
            project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == projectId, ct);
        }
        var sheets = (await visible.AsNoTracking().OrderBy(w => w.CreatedUtc).ToListAsync(ct))
            .Where(ImpactReportBuilder.HasIndicators)
            .ToList();
        var ids = sheets.Select(w => w.Id).ToList();
        var labelled = await db
            .WorksheetVersions.AsNoTracking()
            .Where(v => ids.Contains(v.WorksheetId) && v.Label != null)
            .ToListAsync(ct);
        var report = ImpactReportBuilder.Build(
            project.Name,
            sheets.Select(w => (w, labelled.Where(v => v.WorksheetId == w.Id))),
            clock.GetUtcNow().UtcDateTime
        );
        return new Result(project, manages, report);
    }
}
