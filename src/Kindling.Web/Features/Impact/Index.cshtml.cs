using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Impact;

/// <summary>The project's impact report: its indicators over the review snapshots, with downloads. Readers of the
/// project page only (<see cref="LoadImpactReport"/>); everyone else gets 404.</summary>
public class IndexModel(LoadImpactReport load) : CohortPageModel
{
    [FromRoute]
    public Guid ProjectId { get; set; }
    public LoadImpactReport.Result Loaded { get; private set; } = null!;
    public ImpactReport Report => Loaded.Report;
    public string Base => $"/cohorts/{CohortId}/projects/{ProjectId}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await load.RunAsync(Access, ProjectId, HttpContext.RequestAborted) is not { } loaded)
            return NotFound();
        Loaded = loaded;
        return Page();
    }
}
