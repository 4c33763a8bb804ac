using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>A member's own named reports in the cohort (anonymous ones are reached only by their receipt
/// links).</summary>
public class MineModel(KindlingDb db) : CohortPageModel
{
    public sealed record Row(Guid Id, DateTime FiledUtc, ConcernStatus Status, string What);

    public List<Row> Reports { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ViewData["ConcernLink"] = false;
        var me = Access.Member.UserId;
        var reports = await db
            .ConcernReports.Where(r => r.CohortId == CohortId && r.ReporterId == me)
            .OrderByDescending(r => r.FiledUtc)
            .Select(r => new Row(r.Id, r.FiledUtc, r.Status, r.What))
            .ToListAsync();
        Reports = reports.Select(r => r with { What = ConcernList.Excerpt(r.What) }).ToList();
    }
}
