using System.Globalization;
using Kindling.Domain;
using Kindling.Web.Features.Worksheets;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Kindling.Web.Features.Charter;

/// <summary>The project's charter compiled from its worksheets as they are now, its downloads, and publishing. Managers
/// only.</summary>
[EnableRateLimiting(RateLimits.Send)]
public class IndexModel(WorksheetAccess access, CompileCharter compile, PublishCharter publish) : CohortPageModel
{
    [FromRoute]
    public Guid ProjectId { get; set; }
    public Project Project { get; private set; } = null!;
    public CharterView View { get; private set; } = null!;
    public string Base => $"/cohorts/{CohortId}/projects/{ProjectId}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await access.ManagedProjectAsync(Access, ProjectId) is not { } project)
            return NotFound();
        Project = project;
        var charter = await compile.RunAsync(project);
        var missing = charter.MissingCount;
        var state = missing switch
        {
            0 => "Every section has content.",
            1 => "1 section still needs content.",
            _ => $"{missing} sections still need content.",
        };
        View = new CharterView(charter, $"Compiled just now from this project's worksheets. {state}", CohortId);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (await access.ManagedProjectAsync(Access, ProjectId) is not { } project)
            return NotFound();
        var again = project.PublishedCharterJson is not null;
        var slug = await publish.PublishAsync(project);
        TempData["Flash"] = again
            ? $"The public charter now shows the latest version, at /charters/{slug}."
            : $"Published: anyone with the link /charters/{slug} can read the charter.";
        return Redirect($"{Base}/charter");
    }

    public async Task<IActionResult> OnPostUnpublishAsync()
    {
        if (await access.ManagedProjectAsync(Access, ProjectId) is not { } project)
            return NotFound();
        await publish.UnpublishAsync(project);
        TempData["Flash"] =
            "Unpublished: the public page is gone. Publishing again brings it back at the same address.";
        return Redirect($"{Base}/charter");
    }

    public static string When(DateTime utc) => utc.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
